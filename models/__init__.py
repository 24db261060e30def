"""SQLModel tables and enums for desk: data and constraints, no business rules.

Every table is imported here so that ``SQLModel.metadata`` is complete once ``models`` is imported.
Enumerated values are stored as short lowercase strings (portable between SQLite and PostgreSQL
without native enum types); the allowed values live in ``desk.rules`` and are checked by the services.
"""
from models.base import utcnow
from models.reference import Country, DecisionReason, Office, PermitPurpose
from models.people import IdentityDocument, Officer, OfficerSession, Person, PersonMerge, RoleGrant, Stay
from models.cases import (
    AsylumApplication,
    Case,
    CaseCounter,
    CaseKind,
    CaseNote,
    Deadline,
    DublinRequest,
    InvitedPerson,
    Invitation,
    ResidencePermit,
    ReturnDecision,
    Visa,
)
from models.audit import AuditCheckpoint, AuditEntry, SeedRun, StoreActivity, StoreIdentity

from sqlmodel import SQLModel

metadata = SQLModel.metadata

__all__ = [
    "AsylumApplication", "AuditCheckpoint", "AuditEntry", "SeedRun", "StoreActivity", "StoreIdentity", "Case", "CaseCounter", "CaseKind", "CaseNote", "Country", "Deadline",
    "DecisionReason", "DublinRequest", "IdentityDocument", "Invitation", "InvitedPerson", "Office",
    "Officer", "OfficerSession", "PermitPurpose", "Person", "PersonMerge", "ResidencePermit", "ReturnDecision",
    "RoleGrant", "Stay", "Visa",
    "metadata", "utcnow",
]
