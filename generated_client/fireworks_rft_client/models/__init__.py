# Generated from openapi/fireworks-rft.yaml by templates/models_init.py.jinja: edit those, then run 'make generate'.
"""Contains all the data models used in inputs/outputs.

Each model's module is imported on first access, so that importing the package does not build
classes a program never uses.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

# Class name -> the module (beside this one) that defines it.
_MODULES = {
    "InferenceParameters": ".inference_parameters",
    "JobState": ".job_state",
    "ProtobufAny": ".protobuf_any",
    "Region": ".region",
    "ReinforcementFineTuningJob": ".reinforcement_fine_tuning_job",
    "RpcStatus": ".rpc_status",
    "Status": ".status",
    "StatusCode": ".status_code",
    "TrainingConfig": ".training_config",
    "WandbConfig": ".wandb_config",
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
