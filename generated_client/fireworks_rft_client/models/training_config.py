# Generated from openapi/fireworks-rft.yaml by templates/model.py.jinja: edit those, then run 'make generate'.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _decode
from ..models.region import Region
from ..types import UNSET, Unset

T = TypeVar("T", bound="TrainingConfig")
# The JSON keys of the properties; any other key of a response goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "outputModel",
        "baseModel",
        "warmStartFrom",
        "jinjaTemplate",
        "learningRate",
        "maxContextLength",
        "loraRank",
        "acceleratorCount",
        "region",
        "epochs",
        "batchSize",
        "batchSizeSamples",
        "gradientAccumulationSteps",
        "learningRateWarmupSteps",
        "optimizerWeightDecay",
        "samplerCheckpointSaveIntervalSteps",
    }
)


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
        batch_size_samples (int | Unset): Samples per gradient batch.
        gradient_accumulation_steps (int | Unset): Batches whose gradients add up before each optimizer step.
        learning_rate_warmup_steps (int | Unset): Steps over which the learning rate rises to its full value.
        optimizer_weight_decay (float | Unset): The optimizer's L2 weight decay.
        sampler_checkpoint_save_interval_steps (int | Unset): Steps between intermediate sampler checkpoints; 0 or
            absent saves none.
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

    batch_size_samples: int | Unset = UNSET

    gradient_accumulation_steps: int | Unset = UNSET

    learning_rate_warmup_steps: int | Unset = UNSET

    optimizer_weight_decay: float | Unset = UNSET

    sampler_checkpoint_save_interval_steps: int | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self.additional_properties)
        if not isinstance(self.output_model, Unset):
            field_dict["outputModel"] = self.output_model
        if not isinstance(self.base_model, Unset):
            field_dict["baseModel"] = self.base_model
        if not isinstance(self.warm_start_from, Unset):
            field_dict["warmStartFrom"] = self.warm_start_from
        if not isinstance(self.jinja_template, Unset):
            field_dict["jinjaTemplate"] = self.jinja_template
        if not isinstance(self.learning_rate, Unset):
            field_dict["learningRate"] = _decode.float_to_json(self.learning_rate)
        if not isinstance(self.max_context_length, Unset):
            field_dict["maxContextLength"] = self.max_context_length
        if not isinstance(self.lora_rank, Unset):
            field_dict["loraRank"] = self.lora_rank
        if not isinstance(self.accelerator_count, Unset):
            field_dict["acceleratorCount"] = self.accelerator_count
        if not isinstance(self.region, Unset):
            field_dict["region"] = self.region.value
        if not isinstance(self.epochs, Unset):
            field_dict["epochs"] = self.epochs
        if not isinstance(self.batch_size, Unset):
            field_dict["batchSize"] = self.batch_size
        if not isinstance(self.batch_size_samples, Unset):
            field_dict["batchSizeSamples"] = self.batch_size_samples
        if not isinstance(self.gradient_accumulation_steps, Unset):
            field_dict["gradientAccumulationSteps"] = self.gradient_accumulation_steps
        if not isinstance(self.learning_rate_warmup_steps, Unset):
            field_dict["learningRateWarmupSteps"] = self.learning_rate_warmup_steps
        if not isinstance(self.optimizer_weight_decay, Unset):
            field_dict["optimizerWeightDecay"] = _decode.float_to_json(self.optimizer_weight_decay)
        if not isinstance(self.sampler_checkpoint_save_interval_steps, Unset):
            field_dict["samplerCheckpointSaveIntervalSteps"] = self.sampler_checkpoint_save_interval_steps
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from a decoded JSON object; errors.DecodeError names a value that does not fit."""
        if "outputModel" in src_dict:
            output_model = src_dict["outputModel"]
            if not isinstance(output_model, str):
                raise _decode.wrong_type("outputModel", "string", output_model)
        else:
            output_model = UNSET
        if "baseModel" in src_dict:
            base_model = src_dict["baseModel"]
            if not isinstance(base_model, str):
                raise _decode.wrong_type("baseModel", "string", base_model)
        else:
            base_model = UNSET
        if "warmStartFrom" in src_dict:
            warm_start_from = src_dict["warmStartFrom"]
            if not isinstance(warm_start_from, str):
                raise _decode.wrong_type("warmStartFrom", "string", warm_start_from)
        else:
            warm_start_from = UNSET
        if "jinjaTemplate" in src_dict:
            jinja_template = src_dict["jinjaTemplate"]
            if not isinstance(jinja_template, str):
                raise _decode.wrong_type("jinjaTemplate", "string", jinja_template)
        else:
            jinja_template = UNSET
        if "learningRate" in src_dict:
            learning_rate = src_dict["learningRate"]
            if not isinstance(learning_rate, float):
                if isinstance(learning_rate, int) and not isinstance(learning_rate, bool):
                    learning_rate = float(learning_rate)
                else:
                    learning_rate = _decode.to_float("learningRate", learning_rate)
        else:
            learning_rate = UNSET
        if "maxContextLength" in src_dict:
            max_context_length = src_dict["maxContextLength"]
            if type(max_context_length) is not int and (
                not isinstance(max_context_length, int) or isinstance(max_context_length, bool)
            ):
                raise _decode.wrong_type("maxContextLength", "integer", max_context_length)
        else:
            max_context_length = UNSET
        if "loraRank" in src_dict:
            lora_rank = src_dict["loraRank"]
            if type(lora_rank) is not int and (not isinstance(lora_rank, int) or isinstance(lora_rank, bool)):
                raise _decode.wrong_type("loraRank", "integer", lora_rank)
        else:
            lora_rank = UNSET
        if "acceleratorCount" in src_dict:
            accelerator_count = src_dict["acceleratorCount"]
            if type(accelerator_count) is not int and (
                not isinstance(accelerator_count, int) or isinstance(accelerator_count, bool)
            ):
                raise _decode.wrong_type("acceleratorCount", "integer", accelerator_count)
        else:
            accelerator_count = UNSET
        if "region" in src_dict:
            region = src_dict["region"]
            if not isinstance(region, str):
                raise _decode.wrong_type("region", "string", region)
            region = _Region_MEMBERS.get(region) or Region(region)
        else:
            region = UNSET
        if "epochs" in src_dict:
            epochs = src_dict["epochs"]
            if type(epochs) is not int and (not isinstance(epochs, int) or isinstance(epochs, bool)):
                raise _decode.wrong_type("epochs", "integer", epochs)
        else:
            epochs = UNSET
        if "batchSize" in src_dict:
            batch_size = src_dict["batchSize"]
            if type(batch_size) is not int and (not isinstance(batch_size, int) or isinstance(batch_size, bool)):
                raise _decode.wrong_type("batchSize", "integer", batch_size)
        else:
            batch_size = UNSET
        if "batchSizeSamples" in src_dict:
            batch_size_samples = src_dict["batchSizeSamples"]
            if type(batch_size_samples) is not int and (
                not isinstance(batch_size_samples, int) or isinstance(batch_size_samples, bool)
            ):
                raise _decode.wrong_type("batchSizeSamples", "integer", batch_size_samples)
        else:
            batch_size_samples = UNSET
        if "gradientAccumulationSteps" in src_dict:
            gradient_accumulation_steps = src_dict["gradientAccumulationSteps"]
            if type(gradient_accumulation_steps) is not int and (
                not isinstance(gradient_accumulation_steps, int) or isinstance(gradient_accumulation_steps, bool)
            ):
                raise _decode.wrong_type("gradientAccumulationSteps", "integer", gradient_accumulation_steps)
        else:
            gradient_accumulation_steps = UNSET
        if "learningRateWarmupSteps" in src_dict:
            learning_rate_warmup_steps = src_dict["learningRateWarmupSteps"]
            if type(learning_rate_warmup_steps) is not int and (
                not isinstance(learning_rate_warmup_steps, int) or isinstance(learning_rate_warmup_steps, bool)
            ):
                raise _decode.wrong_type("learningRateWarmupSteps", "integer", learning_rate_warmup_steps)
        else:
            learning_rate_warmup_steps = UNSET
        if "optimizerWeightDecay" in src_dict:
            optimizer_weight_decay = src_dict["optimizerWeightDecay"]
            if not isinstance(optimizer_weight_decay, float):
                if isinstance(optimizer_weight_decay, int) and not isinstance(optimizer_weight_decay, bool):
                    optimizer_weight_decay = float(optimizer_weight_decay)
                else:
                    optimizer_weight_decay = _decode.to_float("optimizerWeightDecay", optimizer_weight_decay)
        else:
            optimizer_weight_decay = UNSET
        if "samplerCheckpointSaveIntervalSteps" in src_dict:
            sampler_checkpoint_save_interval_steps = src_dict["samplerCheckpointSaveIntervalSteps"]
            if type(sampler_checkpoint_save_interval_steps) is not int and (
                not isinstance(sampler_checkpoint_save_interval_steps, int)
                or isinstance(sampler_checkpoint_save_interval_steps, bool)
            ):
                raise _decode.wrong_type(
                    "samplerCheckpointSaveIntervalSteps", "integer", sampler_checkpoint_save_interval_steps
                )
        else:
            sampler_checkpoint_save_interval_steps = UNSET
        # Positional, in the order of the attributes above (attrs' __init__ order): a call with
        # ~30 keywords spends more on matching them than __init__ spends storing the values.
        training_config = cls(
            output_model,
            base_model,
            warm_start_from,
            jinja_template,
            learning_rate,
            max_context_length,
            lora_rank,
            accelerator_count,
            region,
            epochs,
            batch_size,
            batch_size_samples,
            gradient_accumulation_steps,
            learning_rate_warmup_steps,
            optimizer_weight_decay,
            sampler_checkpoint_save_interval_steps,
        )
        if not _KNOWN_KEYS.issuperset(src_dict):  # fields this client was generated without
            extra = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
            training_config.additional_properties = extra
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


# The value-to-member maps of the enums from_dict reads, looked up once: an attribute of an
# enum class is read through its metaclass on every access (~70 ns).
_Region_MEMBERS = Region._value2member_map_
