# Generated from openapi/fireworks-rft.yaml by templates/models_init.py.jinja: edit those, then run 'make generate'.
"""Contains all the data models used in inputs/outputs.

Each model's module is imported on first access, so that importing the package does not build
classes a program never uses.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .accelerator_seconds import AcceleratorSeconds
    from .aws_s3_config import AwsS3Config
    from .azure_blob_storage_config import AzureBlobStorageConfig
    from .dpo_config import DpoConfig
    from .empty import Empty
    from .inference_parameters import InferenceParameters
    from .inference_parameters_input import InferenceParametersInput
    from .job_progress import JobProgress
    from .job_state import JobState
    from .list_reinforcement_fine_tuning_jobs_response import ListReinforcementFineTuningJobsResponse
    from .loss_method import LossMethod
    from .protobuf_any import ProtobufAny
    from .region import Region
    from .reinforcement_fine_tuning_job import ReinforcementFineTuningJob
    from .reinforcement_fine_tuning_job_input import ReinforcementFineTuningJobInput
    from .reinforcement_learning_loss_config import ReinforcementLearningLossConfig
    from .rpc_status import RpcStatus
    from .status import Status
    from .status_code import StatusCode
    from .training_config import TrainingConfig
    from .wandb_config import WandbConfig
    from .wandb_config_input import WandbConfigInput

__all__ = (
    "AcceleratorSeconds",
    "AwsS3Config",
    "AzureBlobStorageConfig",
    "DpoConfig",
    "Empty",
    "InferenceParameters",
    "InferenceParametersInput",
    "JobProgress",
    "JobState",
    "ListReinforcementFineTuningJobsResponse",
    "LossMethod",
    "ProtobufAny",
    "Region",
    "ReinforcementFineTuningJob",
    "ReinforcementFineTuningJobInput",
    "ReinforcementLearningLossConfig",
    "RpcStatus",
    "Status",
    "StatusCode",
    "TrainingConfig",
    "WandbConfig",
    "WandbConfigInput",
)

# Class name -> the module (beside this one) that defines it.
_MODULES = {
    "AcceleratorSeconds": ".accelerator_seconds",
    "AwsS3Config": ".aws_s3_config",
    "AzureBlobStorageConfig": ".azure_blob_storage_config",
    "DpoConfig": ".dpo_config",
    "Empty": ".empty",
    "InferenceParameters": ".inference_parameters",
    "InferenceParametersInput": ".inference_parameters_input",
    "JobProgress": ".job_progress",
    "JobState": ".job_state",
    "ListReinforcementFineTuningJobsResponse": ".list_reinforcement_fine_tuning_jobs_response",
    "LossMethod": ".loss_method",
    "ProtobufAny": ".protobuf_any",
    "Region": ".region",
    "ReinforcementFineTuningJob": ".reinforcement_fine_tuning_job",
    "ReinforcementFineTuningJobInput": ".reinforcement_fine_tuning_job_input",
    "ReinforcementLearningLossConfig": ".reinforcement_learning_loss_config",
    "RpcStatus": ".rpc_status",
    "Status": ".status",
    "StatusCode": ".status_code",
    "TrainingConfig": ".training_config",
    "WandbConfig": ".wandb_config",
    "WandbConfigInput": ".wandb_config_input",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value  # found directly from now on, without this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
