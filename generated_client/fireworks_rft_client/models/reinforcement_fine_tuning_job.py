from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_state import JobState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.inference_parameters import InferenceParameters
    from ..models.status import Status
    from ..models.training_config import TrainingConfig
    from ..models.wandb_config import WandbConfig


T = TypeVar("T", bound="ReinforcementFineTuningJob")


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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        display_name = self.display_name

        create_time: str | Unset = UNSET
        if not isinstance(self.create_time, Unset):
            create_time = self.create_time.isoformat()

        completed_time: str | Unset = UNSET
        if not isinstance(self.completed_time, Unset):
            completed_time = self.completed_time.isoformat()

        dataset = self.dataset

        evaluation_dataset = self.evaluation_dataset

        eval_auto_carveout = self.eval_auto_carveout

        state: str | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = self.state.value

        status: dict[str, Any] | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.to_dict()

        created_by = self.created_by

        training_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.training_config, Unset):
            training_config = self.training_config.to_dict()

        evaluator = self.evaluator

        wandb_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.wandb_config, Unset):
            wandb_config = self.wandb_config.to_dict()

        output_stats = self.output_stats

        inference_parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.inference_parameters, Unset):
            inference_parameters = self.inference_parameters.to_dict()

        output_metrics = self.output_metrics

        mcp_server = self.mcp_server

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if display_name is not UNSET:
            field_dict["displayName"] = display_name
        if create_time is not UNSET:
            field_dict["createTime"] = create_time
        if completed_time is not UNSET:
            field_dict["completedTime"] = completed_time
        if dataset is not UNSET:
            field_dict["dataset"] = dataset
        if evaluation_dataset is not UNSET:
            field_dict["evaluationDataset"] = evaluation_dataset
        if eval_auto_carveout is not UNSET:
            field_dict["evalAutoCarveout"] = eval_auto_carveout
        if state is not UNSET:
            field_dict["state"] = state
        if status is not UNSET:
            field_dict["status"] = status
        if created_by is not UNSET:
            field_dict["createdBy"] = created_by
        if training_config is not UNSET:
            field_dict["trainingConfig"] = training_config
        if evaluator is not UNSET:
            field_dict["evaluator"] = evaluator
        if wandb_config is not UNSET:
            field_dict["wandbConfig"] = wandb_config
        if output_stats is not UNSET:
            field_dict["outputStats"] = output_stats
        if inference_parameters is not UNSET:
            field_dict["inferenceParameters"] = inference_parameters
        if output_metrics is not UNSET:
            field_dict["outputMetrics"] = output_metrics
        if mcp_server is not UNSET:
            field_dict["mcpServer"] = mcp_server

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.inference_parameters import InferenceParameters  # noqa: PLC0415
        from ..models.status import Status  # noqa: PLC0415
        from ..models.training_config import TrainingConfig  # noqa: PLC0415
        from ..models.wandb_config import WandbConfig  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        display_name = d.pop("displayName", UNSET)

        _create_time = d.pop("createTime", UNSET)
        create_time: datetime.datetime | Unset
        if isinstance(_create_time, Unset):
            create_time = UNSET
        else:
            create_time = datetime.datetime.fromisoformat(_create_time)

        _completed_time = d.pop("completedTime", UNSET)
        completed_time: datetime.datetime | Unset
        if isinstance(_completed_time, Unset):
            completed_time = UNSET
        else:
            completed_time = datetime.datetime.fromisoformat(_completed_time)

        dataset = d.pop("dataset", UNSET)

        evaluation_dataset = d.pop("evaluationDataset", UNSET)

        eval_auto_carveout = d.pop("evalAutoCarveout", UNSET)

        _state = d.pop("state", UNSET)
        state: JobState | Unset
        if isinstance(_state, Unset):
            state = UNSET
        else:
            state = JobState(_state)

        _status = d.pop("status", UNSET)
        status: Status | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = Status.from_dict(_status)

        created_by = d.pop("createdBy", UNSET)

        _training_config = d.pop("trainingConfig", UNSET)
        training_config: TrainingConfig | Unset
        if isinstance(_training_config, Unset):
            training_config = UNSET
        else:
            training_config = TrainingConfig.from_dict(_training_config)

        evaluator = d.pop("evaluator", UNSET)

        _wandb_config = d.pop("wandbConfig", UNSET)
        wandb_config: WandbConfig | Unset
        if isinstance(_wandb_config, Unset):
            wandb_config = UNSET
        else:
            wandb_config = WandbConfig.from_dict(_wandb_config)

        output_stats = d.pop("outputStats", UNSET)

        _inference_parameters = d.pop("inferenceParameters", UNSET)
        inference_parameters: InferenceParameters | Unset
        if isinstance(_inference_parameters, Unset):
            inference_parameters = UNSET
        else:
            inference_parameters = InferenceParameters.from_dict(_inference_parameters)

        output_metrics = d.pop("outputMetrics", UNSET)

        mcp_server = d.pop("mcpServer", UNSET)

        reinforcement_fine_tuning_job = cls(
            name=name,
            display_name=display_name,
            create_time=create_time,
            completed_time=completed_time,
            dataset=dataset,
            evaluation_dataset=evaluation_dataset,
            eval_auto_carveout=eval_auto_carveout,
            state=state,
            status=status,
            created_by=created_by,
            training_config=training_config,
            evaluator=evaluator,
            wandb_config=wandb_config,
            output_stats=output_stats,
            inference_parameters=inference_parameters,
            output_metrics=output_metrics,
            mcp_server=mcp_server,
        )

        reinforcement_fine_tuning_job.additional_properties = d
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
