"""Contains all the data models used in inputs/outputs"""

from .inference_parameters import InferenceParameters
from .job_state import JobState
from .protobuf_any import ProtobufAny
from .region import Region
from .reinforcement_fine_tuning_job import ReinforcementFineTuningJob
from .rpc_status import RpcStatus
from .status import Status
from .status_code import StatusCode
from .training_config import TrainingConfig
from .wandb_config import WandbConfig

__all__ = (
    "InferenceParameters",
    "JobState",
    "ProtobufAny",
    "Region",
    "ReinforcementFineTuningJob",
    "RpcStatus",
    "Status",
    "StatusCode",
    "TrainingConfig",
    "WandbConfig",
)
