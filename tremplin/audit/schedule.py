from datetime import time

from tremplin.kernel.schedule import Job

from .tasks import purge_sensitive_reads

JOBS = [Job("purge_sensitive_reads", purge_sensitive_reads, at=time(3, 30))]
