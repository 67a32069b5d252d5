from datetime import time

from tremplin.kernel.schedule import Job

from .tasks import clear_expired_sessions

JOBS = [Job("clear_expired_sessions", clear_expired_sessions, at=time(3, 0))]
