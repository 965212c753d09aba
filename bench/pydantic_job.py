"""A pydantic v2 model equivalent to our generated ReinforcementFineTuningJob, for section 3.

Same fields, camelCase aliases, datetimes and enums parsed, every field optional, unknown
fields kept (extra="allow"). Enum values the model does not list are refused, where ours keeps
them; the bench's job example holds none, so both do the same work on it. The fields are those of
spec 0.2.0, the API as it is today.
"""

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel


class JobState(StrEnum):
    JOB_STATE_UNSPECIFIED = "JOB_STATE_UNSPECIFIED"
    JOB_STATE_CREATING = "JOB_STATE_CREATING"
    JOB_STATE_RUNNING = "JOB_STATE_RUNNING"
    JOB_STATE_COMPLETED = "JOB_STATE_COMPLETED"
    JOB_STATE_FAILED = "JOB_STATE_FAILED"
    JOB_STATE_CANCELLED = "JOB_STATE_CANCELLED"
    JOB_STATE_DELETING = "JOB_STATE_DELETING"
    JOB_STATE_WRITING_RESULTS = "JOB_STATE_WRITING_RESULTS"
    JOB_STATE_VALIDATING = "JOB_STATE_VALIDATING"
    JOB_STATE_DELETING_CLEANING_UP = "JOB_STATE_DELETING_CLEANING_UP"
    JOB_STATE_PENDING = "JOB_STATE_PENDING"
    JOB_STATE_EXPIRED = "JOB_STATE_EXPIRED"
    JOB_STATE_RE_QUEUEING = "JOB_STATE_RE_QUEUEING"
    JOB_STATE_CREATING_INPUT_DATASET = "JOB_STATE_CREATING_INPUT_DATASET"
    JOB_STATE_IDLE = "JOB_STATE_IDLE"
    JOB_STATE_CANCELLING = "JOB_STATE_CANCELLING"
    JOB_STATE_EARLY_STOPPED = "JOB_STATE_EARLY_STOPPED"
    JOB_STATE_PAUSED = "JOB_STATE_PAUSED"
    JOB_STATE_DELETED = "JOB_STATE_DELETED"


class StatusCode(StrEnum):
    OK = "OK"
    CANCELLED = "CANCELLED"
    UNKNOWN = "UNKNOWN"
    INVALID_ARGUMENT = "INVALID_ARGUMENT"
    DEADLINE_EXCEEDED = "DEADLINE_EXCEEDED"
    NOT_FOUND = "NOT_FOUND"
    ALREADY_EXISTS = "ALREADY_EXISTS"
    PERMISSION_DENIED = "PERMISSION_DENIED"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    RESOURCE_EXHAUSTED = "RESOURCE_EXHAUSTED"
    FAILED_PRECONDITION = "FAILED_PRECONDITION"
    ABORTED = "ABORTED"
    OUT_OF_RANGE = "OUT_OF_RANGE"
    UNIMPLEMENTED = "UNIMPLEMENTED"
    INTERNAL = "INTERNAL"
    UNAVAILABLE = "UNAVAILABLE"
    DATA_LOSS = "DATA_LOSS"


class Region(StrEnum):
    REGION_UNSPECIFIED = "REGION_UNSPECIFIED"
    US_IOWA_1 = "US_IOWA_1"
    US_VIRGINIA_1 = "US_VIRGINIA_1"
    US_ILLINOIS_1 = "US_ILLINOIS_1"
    AP_TOKYO_1 = "AP_TOKYO_1"
    US_ARIZONA_1 = "US_ARIZONA_1"
    US_TEXAS_1 = "US_TEXAS_1"
    US_ILLINOIS_2 = "US_ILLINOIS_2"
    EU_FRANKFURT_1 = "EU_FRANKFURT_1"
    US_TEXAS_2 = "US_TEXAS_2"
    EU_ICELAND_1 = "EU_ICELAND_1"
    EU_ICELAND_2 = "EU_ICELAND_2"
    US_WASHINGTON_1 = "US_WASHINGTON_1"
    US_WASHINGTON_2 = "US_WASHINGTON_2"
    US_WASHINGTON_3 = "US_WASHINGTON_3"
    AP_TOKYO_2 = "AP_TOKYO_2"
    US_CALIFORNIA_1 = "US_CALIFORNIA_1"
    US_UTAH_1 = "US_UTAH_1"
    US_TEXAS_3 = "US_TEXAS_3"
    US_GEORGIA_1 = "US_GEORGIA_1"
    US_GEORGIA_2 = "US_GEORGIA_2"
    US_GEORGIA_3 = "US_GEORGIA_3"
    US_WASHINGTON_4 = "US_WASHINGTON_4"


class _ApiModel(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="allow")


class Status(_ApiModel):
    code: StatusCode | None = None
    message: str | None = None


class TrainingConfig(_ApiModel):
    output_model: str | None = None
    base_model: str | None = None
    warm_start_from: str | None = None
    jinja_template: str | None = None
    learning_rate: float | None = None
    max_context_length: int | None = None
    lora_rank: int | None = None
    accelerator_count: int | None = None
    region: Region | None = None
    epochs: int | None = None
    batch_size: int | None = None
    batch_size_samples: int | None = None
    gradient_accumulation_steps: int | None = None
    learning_rate_warmup_steps: int | None = None
    optimizer_weight_decay: float | None = None
    sampler_checkpoint_save_interval_steps: int | None = None


class WandbConfig(_ApiModel):
    enabled: bool | None = None
    api_key: str | None = None
    project: str | None = None
    entity: str | None = None
    run_id: str | None = None
    url: str | None = None


class InferenceParameters(_ApiModel):
    max_tokens: int | None = None
    temperature: float | None = None
    top_p: float | None = None
    n: int | None = None
    extra_body: str | None = None
    top_k: int | None = None
    max_output_tokens: int | None = None
    response_candidates_count: int | None = None


class JobProgress(_ApiModel):
    percent: int | None = None
    epoch: int | None = None
    input_tokens: int | None = None
    output_tokens: int | None = None
    cached_input_token_count: int | None = None
    output_rows: int | None = None
    failed_requests: int | None = None
    successfully_processed_requests: int | None = None
    total_input_requests: int | None = None
    total_processed_requests: int | None = None


class LossMethod(StrEnum):
    METHOD_UNSPECIFIED = "METHOD_UNSPECIFIED"
    GRPO = "GRPO"
    DAPO = "DAPO"
    DPO = "DPO"
    ORPO = "ORPO"
    GSPO_TOKEN = "GSPO_TOKEN"  # noqa: S105 - a loss method, not a credential


class DpoConfig(_ApiModel):
    beta: float | None = None
    ref_cache_concurrency: int | None = None
    ref_cache_batch_size: int | None = None


class LossConfig(_ApiModel):
    method: LossMethod | None = None
    kl_beta: float | None = None
    dpo: DpoConfig | None = None


class AwsS3Config(_ApiModel):
    credentials_secret: str | None = None
    iam_role_arn: str | None = None


class AzureBlobStorageConfig(_ApiModel):
    credentials_secret: str | None = None
    managed_identity_client_id: str | None = None
    tenant_id: str | None = None


class ReinforcementFineTuningJob(_ApiModel):
    name: str | None = None
    display_name: str | None = None
    create_time: datetime | None = None
    completed_time: datetime | None = None
    dataset: str | None = None
    evaluation_dataset: str | None = None
    eval_auto_carveout: bool | None = None
    state: JobState | None = None
    status: Status | None = None
    created_by: str | None = None
    training_config: TrainingConfig | None = None
    evaluator: str | None = None
    wandb_config: WandbConfig | None = None
    output_stats: str | None = None
    inference_parameters: InferenceParameters | None = None
    output_metrics: str | None = None
    mcp_server: str | None = None
    accelerator_seconds: dict[str, int] | None = None  # int64 strings, converted
    aws_s3_config: AwsS3Config | None = None
    azure_blob_storage_config: AzureBlobStorageConfig | None = None
    chunk_size: int | None = None
    job_progress: JobProgress | None = None
    loss_config: LossConfig | None = None
    max_concurrent_evaluations: int | None = None
    max_concurrent_rollouts: int | None = None
    max_inference_replica_count: int | None = None
    node_count: int | None = None
    reservation_target: str | None = None
    trainer_logs_signed_url: str | None = None
