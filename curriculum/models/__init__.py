from .learning import Enrolment, ModuleProgress, RequestReminder
from .pages import CatalogPage, Format, LearningTrackPage, ModulePage, TrackCompetency
from .paths import (
    Assignment,
    AssignmentBatch,
    DigestSent,
    LearningPath,
    LearningPathItem,
    ReminderSent,
)

__all__ = [
    "Assignment",
    "AssignmentBatch",
    "CatalogPage",
    "DigestSent",
    "Enrolment",
    "Format",
    "LearningPath",
    "LearningPathItem",
    "LearningTrackPage",
    "ModulePage",
    "ModuleProgress",
    "ReminderSent",
    "RequestReminder",
    "TrackCompetency",
]
