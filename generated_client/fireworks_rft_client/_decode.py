"""Small helpers the generated models call from ``from_dict`` and ``to_dict``.

The stock models trust the JSON: ``"8192"`` lands in an ``int`` attribute and ``null`` in an
object field raises a bare TypeError. Our property templates (templates/property_templates/)
check each value's JSON type inline and call these helpers for the conversions and for
building the error, a ``errors.DecodeError`` that names the field; nested models, lists and
maps prefix their key to its path.
"""

import datetime
import re
import warnings
from typing import TYPE_CHECKING, Any, SupportsIndex

from .errors import DecodeError, ResponseValidationError

if TYPE_CHECKING:
    import httpx

__all__ = [
    "DecodeError",
    "Timestamp",
    "datetime_to_json",
    "float_to_json",
    "json_object",
    "mask_secret",
    "missing",
    "to_date",
    "to_datetime",
    "to_float",
    "to_int64",
    "to_uint64",
]

# RFC 3339 date-time: upper or lower case T and Z, up to 9 fractional digits, Z or an offset.
_RFC3339 = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.(\d{1,9}))?(?:[Zz]|[+-]\d{2}:\d{2})",
    re.ASCII,
)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
# proto3 JSON writes 64-bit integers as decimal strings (readers accept a number too).
_INT64_TEXT = re.compile(r"-?\d{1,20}", re.ASCII)
_INT64_RANGE = range(-(2**63), 2**63)
_UINT64_RANGE = range(2**64)
# proto3 JSON writes these three float values as strings.
_SPECIAL_FLOATS = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}
_INFINITY = float("inf")
_JSON_TYPE_NAMES = {
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    dict: "object",
    list: "array",
    type(None): "null",
}


class Timestamp(datetime.datetime):
    """A ``datetime`` parsed from a timestamp with more than 6 fractional digits.

    ``datetime`` stops at microseconds; Google APIs send up to nanoseconds. The digits beyond
    the microsecond are kept in ``nanosecond`` (0-999) and written back by ``to_dict()``, so a
    job read and written again keeps its exact timestamp.

    Comparisons (``==``, ``<``...) and ``hash`` count the nanoseconds: ``...56.123456789Z`` is
    later than, and not equal to, the ``datetime`` ``...56.123456Z``; with ``nanosecond`` 0 it
    equals that ``datetime``. Arithmetic uses the microsecond value, and a value derived from
    it (``replace()``, ``+ timedelta``, ``astimezone()``) drops the nanoseconds.
    ``pickle``, ``copy.copy`` and ``copy.deepcopy`` keep them (``datetime``'s own reduce would not).
    """

    # A slot, not an instance __dict__: making the dict on the first store cost ~0.3 us a parse.
    __slots__ = ("_nanosecond",)

    @property
    def nanosecond(self) -> int:
        try:
            return self._nanosecond
        except AttributeError:  # a Timestamp made some other way (by hand, by datetime's methods)
            return 0

    @nanosecond.setter
    def nanosecond(self, value: int) -> None:
        self._nanosecond = value

    def __reduce_ex__(self, protocol: SupportsIndex) -> tuple[Any, ...]:
        reduced = super().__reduce_ex__(protocol)
        assert isinstance(reduced, tuple)  # datetime's: (class, args)
        return reduced[0], reduced[1], {"nanosecond": self.nanosecond}

    def __setstate__(self, state: dict[str, int]) -> None:
        self._nanosecond = state.get("nanosecond", 0)

    def __repr__(self) -> str:
        return f"{super().__repr__()[:-1]}, nanosecond={self.nanosecond})"

    def __hash__(self) -> int:
        return hash((super().__hash__(), self.nanosecond)) if self.nanosecond else super().__hash__()

    def _same_microsecond(self, other: object) -> bool | None:
        """True/False: whether ``other`` names the same microsecond; None: not a datetime."""
        if not isinstance(other, datetime.datetime):
            return None
        return super().__eq__(other) is True

    def __eq__(self, other: object) -> bool:
        same = self._same_microsecond(other)
        if same is None:
            return NotImplemented
        return same and self.nanosecond == getattr(other, "nanosecond", 0)

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __lt__(self, other: datetime.datetime) -> bool:  # type: ignore[override]
        same = self._same_microsecond(other)
        if same is None:
            return NotImplemented
        return self.nanosecond < getattr(other, "nanosecond", 0) if same else super().__lt__(other)

    def __le__(self, other: datetime.datetime) -> bool:  # type: ignore[override]
        same = self._same_microsecond(other)
        if same is None:
            return NotImplemented
        return self.nanosecond <= getattr(other, "nanosecond", 0) if same else super().__le__(other)

    def __gt__(self, other: datetime.datetime) -> bool:  # type: ignore[override]
        same = self._same_microsecond(other)
        if same is None:
            return NotImplemented
        return self.nanosecond > getattr(other, "nanosecond", 0) if same else super().__gt__(other)

    def __ge__(self, other: datetime.datetime) -> bool:  # type: ignore[override]
        same = self._same_microsecond(other)
        if same is None:
            return NotImplemented
        return self.nanosecond >= getattr(other, "nanosecond", 0) if same else super().__ge__(other)


def json_type_name(value: object) -> str:
    return _JSON_TYPE_NAMES.get(type(value), type(value).__name__)


def wrong_type(key: str | int, expected: str, value: object) -> DecodeError:
    """The error for a value of the wrong JSON type; the value itself is not quoted."""
    return DecodeError(key, f"expected {expected}, got {json_type_name(value)}")


def missing(key: str) -> DecodeError:
    return DecodeError(key, "required field is missing")


def to_float(key: str | int, value: object) -> float:
    """A JSON number (int or float, not bool) or proto3's "NaN"/"Infinity"/"-Infinity" as float."""
    if isinstance(value, float):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str) and value in _SPECIAL_FLOATS:
        return _SPECIAL_FLOATS[value]
    raise wrong_type(key, "number", value)


def to_int64(key: str | int, value: object) -> int:
    """A proto3 JSON int64: a decimal string such as ``"3600"``, or a JSON integer, in -2**63 .. 2**63-1."""
    return _to_integer(key, value, _INT64_RANGE, "int64")


def to_uint64(key: str | int, value: object) -> int:
    """A proto3 JSON uint64: as ``to_int64``, in 0 .. 2**64-1 (``"-1"`` is refused)."""
    return _to_integer(key, value, _UINT64_RANGE, "uint64")


def _to_integer(key: str | int, value: object, bounds: range, kind: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and _INT64_TEXT.fullmatch(value):
        number = int(value)
    else:
        raise wrong_type(key, f"{'an' if kind == 'int64' else 'a'} {kind} (a string of digits or a number)", value)
    if number not in bounds:
        raise DecodeError(key, f"integer out of the {kind} range ({bounds.start} to {bounds.stop - 1})")
    return number


def json_object(response: "httpx.Response") -> dict[str, Any]:
    """The body of a response as a JSON object, or a ResponseValidationError saying what came.

    A body nested deeper than Python's recursion limit makes ``json.loads`` raise a bare
    RecursionError: here it is an error of the response like any other body that does not fit.
    """
    try:
        payload = response.json()
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError both derive from it
        raise ResponseValidationError.from_response(response, f"body is not JSON: {exc}") from exc
    except RecursionError:
        raise ResponseValidationError.from_response(response, "body is JSON nested too deep to read") from None
    if not isinstance(payload, dict):
        raise ResponseValidationError.from_response(response, f"expected a JSON object, got {json_type_name(payload)}")
    return payload


def to_date(key: str | int, value: object) -> datetime.date:
    """An RFC 3339 full-date (``2024-01-31``) as a ``date``."""
    if not isinstance(value, str):
        raise wrong_type(key, "a date string", value)
    if _DATE.fullmatch(value) is None:
        raise DecodeError(key, "expected a date, e.g. 2024-01-31")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:  # month 13, day 32 ...
        raise DecodeError(key, f"invalid date: {exc}") from None


def to_datetime(key: str | int, value: object) -> datetime.datetime:
    """An RFC 3339 timestamp as an aware datetime (a ``Timestamp`` when it has nanoseconds)."""
    if not isinstance(value, str):
        raise wrong_type(key, "an RFC 3339 date-time string", value)
    match = _RFC3339.fullmatch(value)
    if match is None:
        raise DecodeError(key, "expected an RFC 3339 date-time, e.g. 2024-01-31T12:00:00Z")
    try:
        fraction = match.group(1)
        if fraction is None or len(fraction) <= 6:
            return datetime.datetime.fromisoformat(value.upper())
        # fromisoformat (3.11) truncates digits beyond 6; keep them on the Timestamp.
        stamp = Timestamp.fromisoformat(value.upper())
        stamp._nanosecond = int(fraction[6:].ljust(3, "0"))
        return stamp
    except ValueError as exc:  # month 13, hour 25 ...
        raise DecodeError(key, f"invalid date-time: {exc}") from None


def datetime_to_json(value: datetime.datetime) -> str:
    """RFC 3339 text of ``value`` as the API writes it (``Z`` for UTC), with the nanoseconds
    of a ``Timestamp`` written back."""
    nanosecond = getattr(value, "nanosecond", 0)
    if not nanosecond:
        text = value.isoformat()
    else:
        text = value.isoformat(timespec="microseconds")
        cut = text.index(".") + 7  # just after the 6 microsecond digits
        text = f"{text[:cut]}{nanosecond:03d}{text[cut:]}"
    return text[:-6] + "Z" if text.endswith("+00:00") else text


# The JSON number text an older server sent, before the API made the field a string.
_NUMBER_TEXT = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?", re.ASCII)


def retyped(value: object, to: str) -> object:
    """A value of the type a field had before the API retyped it (the spec's ``x-retyped``),
    converted to the JSON type it has now: older servers still send the old one. Any other value
    is returned as it came, for the field's own check to accept or refuse."""
    if to == "string" and isinstance(value, int | float) and not isinstance(value, bool):
        return str(value) if isinstance(value, int) else repr(value)
    if to in ("integer", "number") and isinstance(value, str) and _NUMBER_TEXT.fullmatch(value):
        number = float(value)
        return int(value) if to == "integer" and number.is_integer() and value.lstrip("-").isdigit() else number
    return value


def warn_deprecated(attribute: str, replacement: str | None) -> None:
    """A deprecated attribute was read (the spec marks its property ``deprecated``): say so, and
    what to read instead. Python's warning filters show it once per place in the caller's code."""
    instead = f"; read {replacement} instead (it holds the value whichever name the server sent)" if replacement else ""
    warnings.warn(f"{attribute} is deprecated{instead}", DeprecationWarning, stacklevel=3)


def mask_secret(value: object) -> str:
    """attrs repr of a secret field: shows that a value is there, never the value."""
    return "'***'" if isinstance(value, str) else repr(value)


def float_to_json(value: float) -> float | str:
    """A float as proto3 JSON writes it: NaN and the infinities as strings (JSON has no such numbers)."""
    if value != value:  # NaN is the one float not equal to itself
        return "NaN"
    if value in (_INFINITY, -_INFINITY):
        return "Infinity" if value > 0 else "-Infinity"
    return value
