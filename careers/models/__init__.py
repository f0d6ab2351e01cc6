from .conversations import DevelopmentConversation
from .profiles import (
    LEVEL_HELP,
    LEVEL_VALIDATORS,
    PMO_RANK,
    CareerMapPage,
    CareerPath,
    Competency,
    Family,
    Level,
    Method,
    PMOLevel,
    RoleProfileIndexPage,
    RoleProfilePage,
    RoleProfileRequirement,
)
from .records import CareerStep, CurrentRole

__all__ = [
    "LEVEL_HELP",
    "LEVEL_VALIDATORS",
    "PMO_RANK",
    "CareerMapPage",
    "CareerPath",
    "CareerStep",
    "Competency",
    "CurrentRole",
    "DevelopmentConversation",
    "Family",
    "Level",
    "Method",
    "PMOLevel",
    "RoleProfileIndexPage",
    "RoleProfilePage",
    "RoleProfileRequirement",
]
