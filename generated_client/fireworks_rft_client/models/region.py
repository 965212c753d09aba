# Generated from openapi/fireworks-rft.yaml by templates/str_enum.py.jinja: edit those, then run 'make generate'.
from enum import StrEnum
from typing import Self


class Region(StrEnum):
    """The region where the job runs.

    A value unknown to this client is kept as a pseudo-member with ``is_unknown`` True.
    """

    AP_TOKYO_1 = "AP_TOKYO_1"
    AP_TOKYO_2 = "AP_TOKYO_2"
    EU_FRANKFURT_1 = "EU_FRANKFURT_1"
    EU_HELSINKI_1 = "EU_HELSINKI_1"
    EU_ICELAND_1 = "EU_ICELAND_1"
    EU_ICELAND_2 = "EU_ICELAND_2"
    EU_ICELAND_3 = "EU_ICELAND_3"
    EU_ICELAND_DEV_1 = "EU_ICELAND_DEV_1"
    EU_LONDON_1 = "EU_LONDON_1"
    EU_PARIS_1 = "EU_PARIS_1"
    NA_BRITISHCOLUMBIA_1 = "NA_BRITISHCOLUMBIA_1"
    REGION_UNSPECIFIED = "REGION_UNSPECIFIED"
    US_ARIZONA_1 = "US_ARIZONA_1"
    US_ARIZONA_2 = "US_ARIZONA_2"
    US_ARIZONA_3 = "US_ARIZONA_3"
    US_CALIFORNIA_1 = "US_CALIFORNIA_1"
    US_GEORGIA_1 = "US_GEORGIA_1"
    US_GEORGIA_2 = "US_GEORGIA_2"
    US_GEORGIA_3 = "US_GEORGIA_3"
    US_GEORGIA_4 = "US_GEORGIA_4"
    US_ILLINOIS_1 = "US_ILLINOIS_1"
    US_ILLINOIS_2 = "US_ILLINOIS_2"
    US_IOWA_1 = "US_IOWA_1"
    US_MISSOURI_1 = "US_MISSOURI_1"
    US_NEVADA_1 = "US_NEVADA_1"
    US_NEWYORK_1 = "US_NEWYORK_1"
    US_OHIO_1 = "US_OHIO_1"
    US_TEXAS_1 = "US_TEXAS_1"
    US_TEXAS_2 = "US_TEXAS_2"
    US_TEXAS_3 = "US_TEXAS_3"
    US_UTAH_1 = "US_UTAH_1"
    US_VIRGINIA_1 = "US_VIRGINIA_1"
    US_VIRGINIA_2 = "US_VIRGINIA_2"
    US_WASHINGTON_1 = "US_WASHINGTON_1"
    US_WASHINGTON_2 = "US_WASHINGTON_2"
    US_WASHINGTON_3 = "US_WASHINGTON_3"
    US_WASHINGTON_4 = "US_WASHINGTON_4"

    @property
    def is_unknown(self) -> bool:
        """True for a value the API sent that this client was generated without."""
        return self._value_ not in type(self)._value2member_map_

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member

    def __str__(self) -> str:
        return str(self.value)
