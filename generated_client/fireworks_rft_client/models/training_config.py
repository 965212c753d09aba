from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.region import Region
from ..types import UNSET, Unset

T = TypeVar("T", bound="TrainingConfig")


@_attrs_define
class TrainingConfig:
    """Common training configurations.

    Attributes:
        output_model (str | Unset): The model ID to be assigned to the resulting fine-tuned model.
        base_model (str | Unset): The name of the base model to be fine-tuned.
        warm_start_from (str | Unset): The PEFT addon model to start training from, instead of the base model.
        jinja_template (str | Unset): The Jinja template for conversation formatting.
        learning_rate (float | Unset): The learning rate used for training.
        max_context_length (int | Unset): The maximum context length to use with the model.
        lora_rank (int | Unset): The rank of the LoRA layers.
        accelerator_count (int | Unset): The number of accelerators to use for the job.
        region (Region | Unset): The region where the job runs.
        epochs (int | Unset): The number of epochs to train for.
        batch_size (int | Unset): The maximum packed number of tokens per batch for training.
    """

    output_model: str | Unset = UNSET
    base_model: str | Unset = UNSET
    warm_start_from: str | Unset = UNSET
    jinja_template: str | Unset = UNSET
    learning_rate: float | Unset = UNSET
    max_context_length: int | Unset = UNSET
    lora_rank: int | Unset = UNSET
    accelerator_count: int | Unset = UNSET
    region: Region | Unset = UNSET
    epochs: int | Unset = UNSET
    batch_size: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        output_model = self.output_model

        base_model = self.base_model

        warm_start_from = self.warm_start_from

        jinja_template = self.jinja_template

        learning_rate = self.learning_rate

        max_context_length = self.max_context_length

        lora_rank = self.lora_rank

        accelerator_count = self.accelerator_count

        region: str | Unset = UNSET
        if not isinstance(self.region, Unset):
            region = self.region.value

        epochs = self.epochs

        batch_size = self.batch_size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if output_model is not UNSET:
            field_dict["outputModel"] = output_model
        if base_model is not UNSET:
            field_dict["baseModel"] = base_model
        if warm_start_from is not UNSET:
            field_dict["warmStartFrom"] = warm_start_from
        if jinja_template is not UNSET:
            field_dict["jinjaTemplate"] = jinja_template
        if learning_rate is not UNSET:
            field_dict["learningRate"] = learning_rate
        if max_context_length is not UNSET:
            field_dict["maxContextLength"] = max_context_length
        if lora_rank is not UNSET:
            field_dict["loraRank"] = lora_rank
        if accelerator_count is not UNSET:
            field_dict["acceleratorCount"] = accelerator_count
        if region is not UNSET:
            field_dict["region"] = region
        if epochs is not UNSET:
            field_dict["epochs"] = epochs
        if batch_size is not UNSET:
            field_dict["batchSize"] = batch_size

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        output_model = d.pop("outputModel", UNSET)

        base_model = d.pop("baseModel", UNSET)

        warm_start_from = d.pop("warmStartFrom", UNSET)

        jinja_template = d.pop("jinjaTemplate", UNSET)

        learning_rate = d.pop("learningRate", UNSET)

        max_context_length = d.pop("maxContextLength", UNSET)

        lora_rank = d.pop("loraRank", UNSET)

        accelerator_count = d.pop("acceleratorCount", UNSET)

        _region = d.pop("region", UNSET)
        region: Region | Unset
        if isinstance(_region, Unset):
            region = UNSET
        else:
            region = Region(_region)

        epochs = d.pop("epochs", UNSET)

        batch_size = d.pop("batchSize", UNSET)

        training_config = cls(
            output_model=output_model,
            base_model=base_model,
            warm_start_from=warm_start_from,
            jinja_template=jinja_template,
            learning_rate=learning_rate,
            max_context_length=max_context_length,
            lora_rank=lora_rank,
            accelerator_count=accelerator_count,
            region=region,
            epochs=epochs,
            batch_size=batch_size,
        )

        training_config.additional_properties = d
        return training_config

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
