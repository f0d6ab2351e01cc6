from django.dispatch import Signal

# Sent once when a learner completes a track, with ``enrolment``. Certificates hook in here.
track_completed = Signal()
# Sent once when a learner completes a learning path, with ``user`` and ``path``.
path_completed = Signal()
