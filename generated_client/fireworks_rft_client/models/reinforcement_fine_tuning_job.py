# Generated from openapi/fireworks-rft.yaml by templates/model.py.jinja: edit those, then run 'make generate'.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _decode
from ..models.job_state import JobState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.accelerator_seconds import AcceleratorSeconds
    from ..models.aws_s3_config import AwsS3Config
    from ..models.azure_blob_storage_config import AzureBlobStorageConfig
    from ..models.inference_parameters import InferenceParameters
    from ..models.job_progress import JobProgress
    from ..models.reinforcement_learning_loss_config import ReinforcementLearningLossConfig
    from ..models.status import Status
    from ..models.training_config import TrainingConfig
    from ..models.wandb_config import WandbConfig

T = TypeVar("T", bound="ReinforcementFineTuningJob")
# The JSON keys of the properties; any other key of a response goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "name",
        "displayName",
        "createTime",
        "completedTime",
        "dataset",
        "evaluationDataset",
        "evalAutoCarveout",
        "state",
        "status",
        "createdBy",
        "trainingConfig",
        "evaluator",
        "wandbConfig",
        "outputStats",
        "inferenceParameters",
        "outputMetrics",
        "mcpServer",
        "acceleratorSeconds",
        "awsS3Config",
        "azureBlobStorageConfig",
        "chunkSize",
        "jobProgress",
        "lossConfig",
        "maxConcurrentEvaluations",
        "maxConcurrentRollouts",
        "maxInferenceReplicaCount",
        "nodeCount",
        "reservationTarget",
        "trainerLogsSignedUrl",
    }
)


@_attrs_define
class ReinforcementFineTuningJob:
    """A reinforcement fine-tuning job. Every property may be absent from a response: the
    server leaves out fields at their default value, and `readMask` selects the fields sent.

    Attributes:
        name (str | Unset): The resource name of the job, `accounts/{account_id}/reinforcementFineTuningJobs/{job_id}`.
        display_name (str | Unset): The human-readable name of the job.
        create_time (datetime.datetime | Unset): The creation time of the reinforcement fine-tuning job.
        completed_time (datetime.datetime | Unset): The completed time for the reinforcement fine-tuning job.
        dataset (str | Unset): The name of the dataset used for training. Required on create.
        evaluation_dataset (str | Unset): The name of a separate dataset to use for evaluation.
        eval_auto_carveout (bool | Unset): Whether to auto-carve the dataset for eval.
        state (JobState | Unset): JobState represents the state an asynchronous job can be in.
        status (Status | Unset): The status of the job, a google.rpc.Status without details.
        created_by (str | Unset): The email address of the user who initiated this fine-tuning job.
        training_config (TrainingConfig | Unset): Common training configurations.
        evaluator (str | Unset): The evaluator resource name to use for RLOR fine-tuning job. Required on create.
        wandb_config (WandbConfig | Unset): The Weights & Biases team/user account for logging training progress.
        output_stats (str | Unset): The output dataset's aggregated stats for the evaluation job.
        inference_parameters (InferenceParameters | Unset): BIJ parameters.
        output_metrics (str | Unset): The output metrics of the job, JSON text in a string.
        mcp_server (str | Unset): The MCP server resource name used by the job.
        accelerator_seconds (AcceleratorSeconds | Unset): Accelerator time the job used, in seconds, keyed by
            accelerator type (for example
            `NVIDIA_H100_80GB`). Updated when the job completes or is cancelled. The values are
            64-bit integers, which the API sends as strings.
        aws_s3_config (AwsS3Config | Unset): Access to datasets kept in Amazon S3.
        azure_blob_storage_config (AzureBlobStorageConfig | Unset): Access to datasets kept in Azure Blob Storage.
        chunk_size (int | Unset): Rows per chunk when rollouts are split up; the server uses 200 when absent, and only
            for datasets of more than 300 rows. Valid from 1 to 10,000.
        job_progress (JobProgress | Unset): How far the job has got.
        loss_config (ReinforcementLearningLossConfig | Unset): The loss the trainer optimises.
        max_concurrent_evaluations (int | Unset): The most evaluations the job runs at the same time.
        max_concurrent_rollouts (int | Unset): The most rollouts the job runs at the same time.
        max_inference_replica_count (int | Unset): The most inference replicas the job may scale to.
        node_count (int | Unset): How many nodes the job trains on; 1 when not given.
        reservation_target (str | Unset): The capacity reservation the job draws its accelerators from.
        trainer_logs_signed_url (str | Unset): A signed URL to read the trainer's logs, for accounts allowed to read
            them. Whoever
            holds it can read the logs, so the client treats it as a secret (masked in reprs and
            error messages).
    """

    name: str | Unset = UNSET

    display_name: str | Unset = UNSET

    create_time: datetime.datetime | Unset = UNSET

    completed_time: datetime.datetime | Unset = UNSET

    dataset: str | Unset = UNSET

    evaluation_dataset: str | Unset = UNSET

    eval_auto_carveout: bool | Unset = UNSET

    state: JobState | Unset = UNSET

    status: Status | Unset = UNSET

    created_by: str | Unset = UNSET

    training_config: TrainingConfig | Unset = UNSET

    evaluator: str | Unset = UNSET

    wandb_config: WandbConfig | Unset = UNSET

    output_stats: str | Unset = UNSET

    inference_parameters: InferenceParameters | Unset = UNSET

    output_metrics: str | Unset = UNSET

    mcp_server: str | Unset = UNSET

    accelerator_seconds: AcceleratorSeconds | Unset = UNSET

    aws_s3_config: AwsS3Config | Unset = UNSET

    azure_blob_storage_config: AzureBlobStorageConfig | Unset = UNSET

    chunk_size: int | Unset = UNSET

    job_progress: JobProgress | Unset = UNSET

    loss_config: ReinforcementLearningLossConfig | Unset = UNSET

    max_concurrent_evaluations: int | Unset = UNSET

    max_concurrent_rollouts: int | Unset = UNSET

    max_inference_replica_count: int | Unset = UNSET

    node_count: int | Unset = UNSET

    reservation_target: str | Unset = UNSET

    trainer_logs_signed_url: str | Unset = _attrs_field(default=UNSET, repr=_decode.mask_secret)

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self.additional_properties)
        if not isinstance(self.name, Unset):
            field_dict["name"] = self.name
        if not isinstance(self.display_name, Unset):
            field_dict["displayName"] = self.display_name
        if not isinstance(self.create_time, Unset):
            field_dict["createTime"] = _decode.datetime_to_json(self.create_time)
        if not isinstance(self.completed_time, Unset):
            field_dict["completedTime"] = _decode.datetime_to_json(self.completed_time)
        if not isinstance(self.dataset, Unset):
            field_dict["dataset"] = self.dataset
        if not isinstance(self.evaluation_dataset, Unset):
            field_dict["evaluationDataset"] = self.evaluation_dataset
        if not isinstance(self.eval_auto_carveout, Unset):
            field_dict["evalAutoCarveout"] = self.eval_auto_carveout
        if not isinstance(self.state, Unset):
            field_dict["state"] = self.state.value
        if not isinstance(self.status, Unset):
            field_dict["status"] = self.status.to_dict()
        if not isinstance(self.created_by, Unset):
            field_dict["createdBy"] = self.created_by
        if not isinstance(self.training_config, Unset):
            field_dict["trainingConfig"] = self.training_config.to_dict()
        if not isinstance(self.evaluator, Unset):
            field_dict["evaluator"] = self.evaluator
        if not isinstance(self.wandb_config, Unset):
            field_dict["wandbConfig"] = self.wandb_config.to_dict()
        if not isinstance(self.output_stats, Unset):
            field_dict["outputStats"] = self.output_stats
        if not isinstance(self.inference_parameters, Unset):
            field_dict["inferenceParameters"] = self.inference_parameters.to_dict()
        if not isinstance(self.output_metrics, Unset):
            field_dict["outputMetrics"] = self.output_metrics
        if not isinstance(self.mcp_server, Unset):
            field_dict["mcpServer"] = self.mcp_server
        if not isinstance(self.accelerator_seconds, Unset):
            field_dict["acceleratorSeconds"] = self.accelerator_seconds.to_dict()
        if not isinstance(self.aws_s3_config, Unset):
            field_dict["awsS3Config"] = self.aws_s3_config.to_dict()
        if not isinstance(self.azure_blob_storage_config, Unset):
            field_dict["azureBlobStorageConfig"] = self.azure_blob_storage_config.to_dict()
        if not isinstance(self.chunk_size, Unset):
            field_dict["chunkSize"] = self.chunk_size
        if not isinstance(self.job_progress, Unset):
            field_dict["jobProgress"] = self.job_progress.to_dict()
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
        if not isinstance(self.trainer_logs_signed_url, Unset):
            field_dict["trainerLogsSignedUrl"] = self.trainer_logs_signed_url
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from a decoded JSON object; errors.DecodeError names a value that does not fit."""
        if "name" in src_dict:
            name = src_dict["name"]
            if not isinstance(name, str):
                raise _decode.wrong_type("name", "string", name)
        else:
            name = UNSET
        if "displayName" in src_dict:
            display_name = src_dict["displayName"]
            if not isinstance(display_name, str):
                raise _decode.wrong_type("displayName", "string", display_name)
        else:
            display_name = UNSET
        if "createTime" in src_dict:
            create_time = src_dict["createTime"]
            create_time = _decode.to_datetime("createTime", create_time)
        else:
            create_time = UNSET
        if "completedTime" in src_dict:
            completed_time = src_dict["completedTime"]
            completed_time = _decode.to_datetime("completedTime", completed_time)
        else:
            completed_time = UNSET
        if "dataset" in src_dict:
            dataset = src_dict["dataset"]
            if not isinstance(dataset, str):
                raise _decode.wrong_type("dataset", "string", dataset)
        else:
            dataset = UNSET
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
        if "state" in src_dict:
            state = src_dict["state"]
            if not isinstance(state, str):
                raise _decode.wrong_type("state", "string", state)
            state = _JobState_MEMBERS.get(state) or JobState(state)
        else:
            state = UNSET
        if "status" in src_dict:
            status = src_dict["status"]
            if not isinstance(status, dict):
                raise _decode.wrong_type("status", "object", status)
            try:
                status = Status.from_dict(status)
            except _decode.DecodeError as exc:
                exc.path.insert(0, "status")
                raise
        else:
            status = UNSET
        if "createdBy" in src_dict:
            created_by = src_dict["createdBy"]
            if not isinstance(created_by, str):
                raise _decode.wrong_type("createdBy", "string", created_by)
        else:
            created_by = UNSET
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
        if "evaluator" in src_dict:
            evaluator = src_dict["evaluator"]
            if not isinstance(evaluator, str):
                raise _decode.wrong_type("evaluator", "string", evaluator)
        else:
            evaluator = UNSET
        if "wandbConfig" in src_dict:
            wandb_config = src_dict["wandbConfig"]
            if not isinstance(wandb_config, dict):
                raise _decode.wrong_type("wandbConfig", "object", wandb_config)
            try:
                wandb_config = WandbConfig.from_dict(wandb_config)
            except _decode.DecodeError as exc:
                exc.path.insert(0, "wandbConfig")
                raise
        else:
            wandb_config = UNSET
        if "outputStats" in src_dict:
            output_stats = src_dict["outputStats"]
            if not isinstance(output_stats, str):
                raise _decode.wrong_type("outputStats", "string", output_stats)
        else:
            output_stats = UNSET
        if "inferenceParameters" in src_dict:
            inference_parameters = src_dict["inferenceParameters"]
            if not isinstance(inference_parameters, dict):
                raise _decode.wrong_type("inferenceParameters", "object", inference_parameters)
            try:
                inference_parameters = InferenceParameters.from_dict(inference_parameters)
            except _decode.DecodeError as exc:
                exc.path.insert(0, "inferenceParameters")
                raise
        else:
            inference_parameters = UNSET
        if "outputMetrics" in src_dict:
            output_metrics = src_dict["outputMetrics"]
            if not isinstance(output_metrics, str):
                raise _decode.wrong_type("outputMetrics", "string", output_metrics)
        else:
            output_metrics = UNSET
        if "mcpServer" in src_dict:
            mcp_server = src_dict["mcpServer"]
            if not isinstance(mcp_server, str):
                raise _decode.wrong_type("mcpServer", "string", mcp_server)
        else:
            mcp_server = UNSET
        if "acceleratorSeconds" in src_dict:
            accelerator_seconds = src_dict["acceleratorSeconds"]
            if not isinstance(accelerator_seconds, dict):
                raise _decode.wrong_type("acceleratorSeconds", "object", accelerator_seconds)
            try:
                accelerator_seconds = AcceleratorSeconds.from_dict(accelerator_seconds)
            except _decode.DecodeError as exc:
                exc.path.insert(0, "acceleratorSeconds")
                raise
        else:
            accelerator_seconds = UNSET
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
        if "jobProgress" in src_dict:
            job_progress = src_dict["jobProgress"]
            if not isinstance(job_progress, dict):
                raise _decode.wrong_type("jobProgress", "object", job_progress)
            try:
                job_progress = JobProgress.from_dict(job_progress)
            except _decode.DecodeError as exc:
                exc.path.insert(0, "jobProgress")
                raise
        else:
            job_progress = UNSET
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
        if "trainerLogsSignedUrl" in src_dict:
            trainer_logs_signed_url = src_dict["trainerLogsSignedUrl"]
            if not isinstance(trainer_logs_signed_url, str):
                raise _decode.wrong_type("trainerLogsSignedUrl", "string", trainer_logs_signed_url)
        else:
            trainer_logs_signed_url = UNSET
        # Positional, in the order of the attributes above (attrs' __init__ order): a call with
        # ~30 keywords spends more on matching them than __init__ spends storing the values.
        reinforcement_fine_tuning_job = cls(
            name,
            display_name,
            create_time,
            completed_time,
            dataset,
            evaluation_dataset,
            eval_auto_carveout,
            state,
            status,
            created_by,
            training_config,
            evaluator,
            wandb_config,
            output_stats,
            inference_parameters,
            output_metrics,
            mcp_server,
            accelerator_seconds,
            aws_s3_config,
            azure_blob_storage_config,
            chunk_size,
            job_progress,
            loss_config,
            max_concurrent_evaluations,
            max_concurrent_rollouts,
            max_inference_replica_count,
            node_count,
            reservation_target,
            trainer_logs_signed_url,
        )
        if not _KNOWN_KEYS.issuperset(src_dict):  # fields this client was generated without
            extra = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
            reinforcement_fine_tuning_job.additional_properties = extra
        return reinforcement_fine_tuning_job

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


# The value-to-member maps of the enums from_dict reads, looked up once: an attribute of an
# enum class is read through its metaclass on every access (~70 ns).
_JobState_MEMBERS = JobState._value2member_map_


# The models this one nests, imported after the class exists (so that models nesting each other
# can import each other) and not inside from_dict, where they would run on every call.
from ..models.accelerator_seconds import AcceleratorSeconds  # noqa: E402
from ..models.aws_s3_config import AwsS3Config  # noqa: E402
from ..models.azure_blob_storage_config import AzureBlobStorageConfig  # noqa: E402
from ..models.inference_parameters import InferenceParameters  # noqa: E402
from ..models.job_progress import JobProgress  # noqa: E402
from ..models.reinforcement_learning_loss_config import ReinforcementLearningLossConfig  # noqa: E402
from ..models.status import Status  # noqa: E402
from ..models.training_config import TrainingConfig  # noqa: E402
from ..models.wandb_config import WandbConfig  # noqa: E402
