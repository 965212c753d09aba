# Generated from openapi/fireworks-rft.yaml by templates/model.py.jinja: edit those, then run 'make generate'.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _decode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.aws_s3_config import AwsS3Config
    from ..models.azure_blob_storage_config import AzureBlobStorageConfig
    from ..models.inference_parameters_input import InferenceParametersInput
    from ..models.reinforcement_learning_loss_config import ReinforcementLearningLossConfig
    from ..models.training_config import TrainingConfig
    from ..models.wandb_config_input import WandbConfigInput

T = TypeVar("T", bound="ReinforcementFineTuningJobInput")
# The JSON keys of the properties; any other key of a response goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "dataset",
        "evaluator",
        "displayName",
        "evaluationDataset",
        "evalAutoCarveout",
        "trainingConfig",
        "wandbConfig",
        "inferenceParameters",
        "mcpServer",
        "awsS3Config",
        "azureBlobStorageConfig",
        "chunkSize",
        "lossConfig",
        "maxConcurrentEvaluations",
        "maxConcurrentRollouts",
        "maxInferenceReplicaCount",
        "nodeCount",
        "reservationTarget",
    }
)


@_attrs_define
class ReinforcementFineTuningJobInput:
    """The fields a caller sends to create a reinforcement fine-tuning job: the job's fields
    less the output-only ones, with today's names. Other fields are refused, so a misspelt
    name fails before the request is sent.

    Attributes:
        dataset (str): The name of the dataset used for training.
        evaluator (str): The evaluator resource name to use for RLOR fine-tuning job.
        display_name (str | Unset): The human-readable name of the job.
        evaluation_dataset (str | Unset): The name of a separate dataset to use for evaluation.
        eval_auto_carveout (bool | Unset): Whether to auto-carve the dataset for eval.
        training_config (TrainingConfig | Unset): Common training configurations.
        wandb_config (WandbConfigInput | Unset): The Weights & Biases settings a caller sends with a new job (`url` is
            output only).
        inference_parameters (InferenceParametersInput | Unset): The inference parameters a caller sends with a new job,
            by today's names.
        mcp_server (str | Unset): The MCP server resource name used by the job.
        aws_s3_config (AwsS3Config | Unset): Access to datasets kept in Amazon S3.
        azure_blob_storage_config (AzureBlobStorageConfig | Unset): Access to datasets kept in Azure Blob Storage.
        chunk_size (int | Unset): Rows per chunk when rollouts are split up; the server uses 200 when absent, and only
            for datasets of more than 300 rows. Valid from 1 to 10,000.
        loss_config (ReinforcementLearningLossConfig | Unset): The loss the trainer optimises.
        max_concurrent_evaluations (int | Unset): The most evaluations the job runs at the same time.
        max_concurrent_rollouts (int | Unset): The most rollouts the job runs at the same time.
        max_inference_replica_count (int | Unset): The most inference replicas the job may scale to.
        node_count (int | Unset): How many nodes the job trains on; 1 when not given.
        reservation_target (str | Unset): The capacity reservation the job draws its accelerators from.
    """

    dataset: str

    evaluator: str

    display_name: str | Unset = UNSET

    evaluation_dataset: str | Unset = UNSET

    eval_auto_carveout: bool | Unset = UNSET

    training_config: TrainingConfig | Unset = UNSET

    wandb_config: WandbConfigInput | Unset = UNSET

    inference_parameters: InferenceParametersInput | Unset = UNSET

    mcp_server: str | Unset = UNSET

    aws_s3_config: AwsS3Config | Unset = UNSET

    azure_blob_storage_config: AzureBlobStorageConfig | Unset = UNSET

    chunk_size: int | Unset = UNSET

    loss_config: ReinforcementLearningLossConfig | Unset = UNSET

    max_concurrent_evaluations: int | Unset = UNSET

    max_concurrent_rollouts: int | Unset = UNSET

    max_inference_replica_count: int | Unset = UNSET

    node_count: int | Unset = UNSET

    reservation_target: str | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict
    )  # always empty: no other fields allowed

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["dataset"] = self.dataset
        field_dict["evaluator"] = self.evaluator
        if not isinstance(self.display_name, Unset):
            field_dict["displayName"] = self.display_name
        if not isinstance(self.evaluation_dataset, Unset):
            field_dict["evaluationDataset"] = self.evaluation_dataset
        if not isinstance(self.eval_auto_carveout, Unset):
            field_dict["evalAutoCarveout"] = self.eval_auto_carveout
        if not isinstance(self.training_config, Unset):
            field_dict["trainingConfig"] = self.training_config.to_dict()
        if not isinstance(self.wandb_config, Unset):
            field_dict["wandbConfig"] = self.wandb_config.to_dict()
        if not isinstance(self.inference_parameters, Unset):
            field_dict["inferenceParameters"] = self.inference_parameters.to_dict()
        if not isinstance(self.mcp_server, Unset):
            field_dict["mcpServer"] = self.mcp_server
        if not isinstance(self.aws_s3_config, Unset):
            field_dict["awsS3Config"] = self.aws_s3_config.to_dict()
        if not isinstance(self.azure_blob_storage_config, Unset):
            field_dict["azureBlobStorageConfig"] = self.azure_blob_storage_config.to_dict()
        if not isinstance(self.chunk_size, Unset):
            field_dict["chunkSize"] = self.chunk_size
        if not isinstance(self.loss_config, Unset):
            field_dict["lossConfig"] = self.loss_config.to_dict()
        if not isinstance(self.max_concurrent_evaluations, Unset):
            field_dict["maxConcurrentEvaluations"] = self.max_concurrent_evaluations
        if not isinstance(self.max_concurrent_rollouts, Unset):
            field_dict["maxConcurrentRollouts"] = self.max_concurrent_rollouts
        if not isinstance(self.max_inference_replica_count, Unset):
            field_dict["maxInferenceReplicaCount"] = self.max_inference_replica_count
        if not isinstance(self.node_count, Unset):
            field_dict["nodeCount"] = self.node_count
        if not isinstance(self.reservation_target, Unset):
            field_dict["reservationTarget"] = self.reservation_target
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from a decoded JSON object; errors.DecodeError names a value that does not fit."""
        if "dataset" not in src_dict:
            raise _decode.missing("dataset")
        dataset = src_dict["dataset"]
        if not isinstance(dataset, str):
            raise _decode.wrong_type("dataset", "string", dataset)

        if "evaluator" not in src_dict:
            raise _decode.missing("evaluator")
        evaluator = src_dict["evaluator"]
        if not isinstance(evaluator, str):
            raise _decode.wrong_type("evaluator", "string", evaluator)

        if "displayName" in src_dict:
            display_name = src_dict["displayName"]
            if not isinstance(display_name, str):
                raise _decode.wrong_type("displayName", "string", display_name)
        else:
            display_name = UNSET
        if "evaluationDataset" in src_dict:
            evaluation_dataset = src_dict["evaluationDataset"]
            if not isinstance(evaluation_dataset, str):
                raise _decode.wrong_type("evaluationDataset", "string", evaluation_dataset)
        else:
            evaluation_dataset = UNSET
        if "evalAutoCarveout" in src_dict:
            eval_auto_carveout = src_dict["evalAutoCarveout"]
            if eval_auto_carveout is not True and eval_auto_carveout is not False:
                raise _decode.wrong_type("evalAutoCarveout", "boolean", eval_auto_carveout)
        else:
            eval_auto_carveout = UNSET
        if "trainingConfig" in src_dict:
            training_config = src_dict["trainingConfig"]
            if not isinstance(training_config, dict):
                raise _decode.wrong_type("trainingConfig", "object", training_config)
            try:
                training_config = TrainingConfig.from_dict(training_config)
            except _decode.DecodeError as exc:
                exc.path.insert(0, "trainingConfig")
                raise
        else:
            training_config = UNSET
        if "wandbConfig" in src_dict:
            wandb_config = src_dict["wandbConfig"]
            if not isinstance(wandb_config, dict):
                raise _decode.wrong_type("wandbConfig", "object", wandb_config)
            try:
                wandb_config = WandbConfigInput.from_dict(wandb_config)
            except _decode.DecodeError as exc:
                exc.path.insert(0, "wandbConfig")
                raise
        else:
            wandb_config = UNSET
        if "inferenceParameters" in src_dict:
            inference_parameters = src_dict["inferenceParameters"]
            if not isinstance(inference_parameters, dict):
                raise _decode.wrong_type("inferenceParameters", "object", inference_parameters)
            try:
                inference_parameters = InferenceParametersInput.from_dict(inference_parameters)
            except _decode.DecodeError as exc:
                exc.path.insert(0, "inferenceParameters")
                raise
        else:
            inference_parameters = UNSET
        if "mcpServer" in src_dict:
            mcp_server = src_dict["mcpServer"]
            if not isinstance(mcp_server, str):
                raise _decode.wrong_type("mcpServer", "string", mcp_server)
        else:
            mcp_server = UNSET
        if "awsS3Config" in src_dict:
            aws_s3_config = src_dict["awsS3Config"]
            if not isinstance(aws_s3_config, dict):
                raise _decode.wrong_type("awsS3Config", "object", aws_s3_config)
            try:
                aws_s3_config = AwsS3Config.from_dict(aws_s3_config)
            except _decode.DecodeError as exc:
                exc.path.insert(0, "awsS3Config")
                raise
        else:
            aws_s3_config = UNSET
        if "azureBlobStorageConfig" in src_dict:
            azure_blob_storage_config = src_dict["azureBlobStorageConfig"]
            if not isinstance(azure_blob_storage_config, dict):
                raise _decode.wrong_type("azureBlobStorageConfig", "object", azure_blob_storage_config)
            try:
                azure_blob_storage_config = AzureBlobStorageConfig.from_dict(azure_blob_storage_config)
            except _decode.DecodeError as exc:
                exc.path.insert(0, "azureBlobStorageConfig")
                raise
        else:
            azure_blob_storage_config = UNSET
        if "chunkSize" in src_dict:
            chunk_size = src_dict["chunkSize"]
            if type(chunk_size) is not int and (not isinstance(chunk_size, int) or isinstance(chunk_size, bool)):
                raise _decode.wrong_type("chunkSize", "integer", chunk_size)
        else:
            chunk_size = UNSET
        if "lossConfig" in src_dict:
            loss_config = src_dict["lossConfig"]
            if not isinstance(loss_config, dict):
                raise _decode.wrong_type("lossConfig", "object", loss_config)
            try:
                loss_config = ReinforcementLearningLossConfig.from_dict(loss_config)
            except _decode.DecodeError as exc:
                exc.path.insert(0, "lossConfig")
                raise
        else:
            loss_config = UNSET
        if "maxConcurrentEvaluations" in src_dict:
            max_concurrent_evaluations = src_dict["maxConcurrentEvaluations"]
            if type(max_concurrent_evaluations) is not int and (
                not isinstance(max_concurrent_evaluations, int) or isinstance(max_concurrent_evaluations, bool)
            ):
                raise _decode.wrong_type("maxConcurrentEvaluations", "integer", max_concurrent_evaluations)
        else:
            max_concurrent_evaluations = UNSET
        if "maxConcurrentRollouts" in src_dict:
            max_concurrent_rollouts = src_dict["maxConcurrentRollouts"]
            if type(max_concurrent_rollouts) is not int and (
                not isinstance(max_concurrent_rollouts, int) or isinstance(max_concurrent_rollouts, bool)
            ):
                raise _decode.wrong_type("maxConcurrentRollouts", "integer", max_concurrent_rollouts)
        else:
            max_concurrent_rollouts = UNSET
        if "maxInferenceReplicaCount" in src_dict:
            max_inference_replica_count = src_dict["maxInferenceReplicaCount"]
            if type(max_inference_replica_count) is not int and (
                not isinstance(max_inference_replica_count, int) or isinstance(max_inference_replica_count, bool)
            ):
                raise _decode.wrong_type("maxInferenceReplicaCount", "integer", max_inference_replica_count)
        else:
            max_inference_replica_count = UNSET
        if "nodeCount" in src_dict:
            node_count = src_dict["nodeCount"]
            if type(node_count) is not int and (not isinstance(node_count, int) or isinstance(node_count, bool)):
                raise _decode.wrong_type("nodeCount", "integer", node_count)
        else:
            node_count = UNSET
        if "reservationTarget" in src_dict:
            reservation_target = src_dict["reservationTarget"]
            if not isinstance(reservation_target, str):
                raise _decode.wrong_type("reservationTarget", "string", reservation_target)
        else:
            reservation_target = UNSET
        # Positional, in the order of the attributes above (attrs' __init__ order): a call with
        # ~30 keywords spends more on matching them than __init__ spends storing the values.
        reinforcement_fine_tuning_job_input = cls(
            dataset,
            evaluator,
            display_name,
            evaluation_dataset,
            eval_auto_carveout,
            training_config,
            wandb_config,
            inference_parameters,
            mcp_server,
            aws_s3_config,
            azure_blob_storage_config,
            chunk_size,
            loss_config,
            max_concurrent_evaluations,
            max_concurrent_rollouts,
            max_inference_replica_count,
            node_count,
            reservation_target,
        )
        if not _KNOWN_KEYS.issuperset(src_dict):  # fields this client was generated without
            unexpected = sorted(k for k in src_dict if k not in _KNOWN_KEYS)[0]
            raise _decode.DecodeError(unexpected, "unexpected field (the schema allows no other fields)")
        return reinforcement_fine_tuning_job_input

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# The models this one nests, imported after the class exists (so that models nesting each other
# can import each other) and not inside from_dict, where they would run on every call.
from ..models.aws_s3_config import AwsS3Config  # noqa: E402
from ..models.azure_blob_storage_config import AzureBlobStorageConfig  # noqa: E402
from ..models.inference_parameters_input import InferenceParametersInput  # noqa: E402
from ..models.reinforcement_learning_loss_config import ReinforcementLearningLossConfig  # noqa: E402
from ..models.training_config import TrainingConfig  # noqa: E402
from ..models.wandb_config_input import WandbConfigInput  # noqa: E402
