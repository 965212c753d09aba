"""Fetch one reinforcement fine-tuning job and print it.

Without FIREWORKS_API_KEY: against a Prism mock of the spec on 127.0.0.1, started and stopped here.
With FIREWORKS_API_KEY: against the real API (FIREWORKS_BASE_URL, default https://api.fireworks.ai),
for the job FIREWORKS_ACCOUNT_ID / FIREWORKS_RFT_JOB_ID.
"""

import os
import sys
from contextlib import AbstractContextManager, nullcontext

from fireworks_rft_client import AuthenticatedClient
from fireworks_rft_client.api.reinforcement_fine_tuning_jobs import get_reinforcement_fine_tuning_job as get_job
from fireworks_rft_client.errors import FireworksError
from fireworks_rft_client.models import ReinforcementFineTuningJob
from tools.prism import prism_server


def show(job: ReinforcementFineTuningJob) -> None:
    rows = {
        "name": job.name,
        "display name": job.display_name,
        "state": job.state,
        "status": job.status and f"{job.status.code} {job.status.message}",
        "created": job.create_time,
        "completed": job.completed_time,
        "dataset": job.dataset,
        "evaluator": job.evaluator,
        "base model": job.training_config and job.training_config.base_model,
        "epochs": job.training_config and job.training_config.epochs,
        "learning rate": job.training_config and job.training_config.learning_rate,
    }
    for label, value in rows.items():
        print(f"  {label:<14} {value}")


def main() -> int:
    api_key = os.environ.get("FIREWORKS_API_KEY")
    server: AbstractContextManager[str]
    if api_key:
        server = nullcontext(os.environ.get("FIREWORKS_BASE_URL", "https://api.fireworks.ai"))
        account = os.environ.get("FIREWORKS_ACCOUNT_ID", "")
        job_id = os.environ.get("FIREWORKS_RFT_JOB_ID", "")
        if not account or not job_id:
            print("demo: set FIREWORKS_ACCOUNT_ID and FIREWORKS_RFT_JOB_ID with FIREWORKS_API_KEY", file=sys.stderr)
            return 2
    else:
        server, account, job_id, api_key = prism_server(), "demo-account", "demo-job", "demo-token"
    with server as base_url:
        print(f"GET job {job_id!r} of account {account!r} from {base_url}")
        with AuthenticatedClient(base_url=base_url, token=api_key) as client:
            try:
                show(get_job.sync(account, job_id, client=client))
            except FireworksError as exc:
                print(f"demo: {type(exc).__name__}: {exc}", file=sys.stderr)
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
