"""Reference data: offices, countries, permit purposes, decision reasons."""
from sqlmodel import Field

from models.base import Table


class Office(Table, table=True):
    """A PMLP territorial office or branch; any office serves any client."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=16, unique=True)
    name_lv: str = Field(max_length=120)
    name_en: str = Field(max_length=120)
    town: str = Field(max_length=60)


class Country(Table, table=True):
    """ISO 3166-1 alpha-3 code, plus XXA (stateless) and XXX (unknown) as ICAO Doc 9303 uses them."""

    code: str = Field(primary_key=True, max_length=3)
    alpha2: str | None = Field(default=None, max_length=2)
    name_lv: str = Field(max_length=120)
    name_en: str = Field(max_length=120)
    dublin_partner: bool = Field(default=False)  # EU member states + Iceland, Norway, Switzerland, Liechtenstein
    eu_member: bool = Field(default=False)  # 0010: a Member State of the European Union (Protocol No 24)


class PermitPurpose(Table, table=True):
    __tablename__ = "permit_purpose"

    code: str = Field(primary_key=True, max_length=32)
    name_lv: str = Field(max_length=120)
    name_en: str = Field(max_length=120)


class DecisionReason(Table, table=True):
    """A reason an officer cites in a decision; ``case_kind`` says where it may be used."""

    __tablename__ = "decision_reason"

    code: str = Field(primary_key=True, max_length=40)
    case_kind: str = Field(max_length=20, index=True)
    name_lv: str = Field(max_length=200)
    name_en: str = Field(max_length=200)
