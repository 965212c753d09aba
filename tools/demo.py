"""Fetch one reinforcement fine-tuning job and print it; live a job's whole life; wait for a job to finish.

Without FIREWORKS_API_KEY: against a Prism mock of the spec on 127.0.0.1, started and stopped here:
get a job, then the life of a job (create with an id, list, wait, cancel, delete).
With FIREWORKS_API_KEY: against the real API (FIREWORKS_BASE_URL, default https://api.fireworks.ai),
for the job FIREWORKS_ACCOUNT_ID / FIREWORKS_RFT_JOB_ID: the get only (a create would start a billed job).
The waiter part always runs against a scripted local server (tools/job_script_server.py).
"""

import logging
import os
import signal
import sys
from contextlib import AbstractContextManager, nullcontext

from fireworks_rft_client import AuthenticatedClient, cancel_job, create_job, delete_job, list_jobs
from fireworks_rft_client.api.reinforcement_fine_tuning_jobs import get_reinforcement_fine_tuning_job as get_job
from fireworks_rft_client.errors import FireworksError
from fireworks_rft_client.models import (
    InferenceParametersInput,
    ReinforcementFineTuningJob,
    ReinforcementFineTuningJobInput,
    TrainingConfig,
)
from fireworks_rft_client.waiter import JobUpdate, WaitTimeoutError, wait_for_job
from tools.job_script_server import Step, job_script_server
from tools.prism import prism_server

# A job's life as the scripted server tells it, one answer per poll.
SCRIPTED_JOB = "accounts/demo-account/reinforcementFineTuningJobs/demo-job"
SCRIPT = [
    Step(state="JOB_STATE_PENDING"),
    Step(state="JOB_STATE_VALIDATING"),
    Step(state="JOB_STATE_RUNNING"),
    Step(state="JOB_STATE_RUNNING"),
    Step(status=503, headers={"Retry-After": "1"}),
    Step(state="JOB_STATE_WARMING_UP"),  # a state this client was generated without
    Step(state="JOB_STATE_RUNNING"),
    Step(state="JOB_STATE_WRITING_RESULTS"),
    Step(state="JOB_STATE_COMPLETED", job={"completedTime": "2026-11-27T10:00:00Z"}),
]


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
        "progress": job.job_progress and f"{job.job_progress.percent}% (epoch {job.job_progress.epoch})",
        "accelerator s": job.accelerator_seconds and dict(job.accelerator_seconds.additional_properties),
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
                if not os.environ.get("FIREWORKS_API_KEY"):  # never start a real, billed job
                    life_of_a_job(client, account)
            except FireworksError as exc:
                print(f"demo: {type(exc).__name__}: {exc}", file=sys.stderr)
                return 1
    return follow_scripted_job()


def life_of_a_job(client: AuthenticatedClient, account: str) -> None:
    """Create a job under our own id, find it in the list, wait a little, cancel it, delete it."""
    body = ReinforcementFineTuningJobInput(
        display_name="math reasoning, lr sweep 3",
        dataset=f"accounts/{account}/datasets/gsm8k-train",
        evaluator=f"accounts/{account}/evaluators/exact-match",
        training_config=TrainingConfig(
            base_model="accounts/fireworks/models/llama-v3p1-8b-instruct", max_context_length=8192
        ),
        inference_parameters=InferenceParametersInput(max_output_tokens=2048, response_candidates_count=4),
    )
    print(f"\nThe life of a job, against the same mock ({client.base_url})")
    # With our own id, a retry after a lost answer cannot start a second job (README "Retries").
    job = create_job(client, body, job_id="rft-7f3a", account_id=account)
    print(f"  created  {job.name}  {job.state}")
    for page in list_jobs(client, account_id=account, order_by="createTime desc", page_size=50).pages():
        print(f"  listed   page {page.number}: {len(page.jobs)} of {page.total_size} jobs")
        for listed in page.jobs:
            print(f"           {listed.name}  {listed.state}")
    name = str(job.name)
    try:
        wait_for_job(client, name, timeout=1.0, poll_interval=0.3, max_interval=0.3)
    except WaitTimeoutError as exc:  # the mock's job runs for ever
        print(f"  waited   {exc.elapsed:.1f} s: still {exc.job.state if exc.job else 'unknown'}, so cancel it")
    cancel_job(client, name)
    print(f"  cancel   {name}: accepted")
    delete_job(client, name)
    print(f"  deleted  {name}")


def follow_scripted_job() -> int:
    """Follow a job through its states on a scripted local server, printing each change."""
    # Show what the package logs: the client's retry of the 503 and the unknown state (once).
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("          (%(levelname)s: %(message)s)"))
    logging.getLogger("fireworks_rft_client").addHandler(handler)
    logging.getLogger("fireworks_rft_client").setLevel(logging.INFO)

    def show_change(update: JobUpdate) -> None:
        note = " (unknown to this client: treated as running)" if update.state.is_unknown else ""
        print(f"  {update.elapsed:6.2f} s  poll {update.poll:>2}  {update.state}{note}")

    with job_script_server(SCRIPT) as server:
        print(f"\nWait for job {SCRIPTED_JOB!r} on a scripted local server, {server.base_url}")
        # The scripted server takes any token: this one is no secret.
        with AuthenticatedClient(base_url=server.base_url, token="demo-token") as client:  # noqa: S106
            try:
                job = wait_for_job(
                    client, SCRIPTED_JOB, timeout=30, poll_interval=0.2, max_interval=0.5, on_update=show_change
                )
            except FireworksError as exc:
                print(f"demo: {type(exc).__name__}: {exc}", file=sys.stderr)
                return 1
        requests = len(server.requests)
        print(f"  done: {job.state} at {job.completed_time}, after {requests} requests (client retries included)")
    return 0


if __name__ == "__main__":
    # A SIGTERM (from make, CI or a supervisor) unwinds like Ctrl-C, so the servers are stopped.
    signal.signal(signal.SIGTERM, lambda signum, _frame: sys.exit(128 + signum))
    sys.exit(main())
