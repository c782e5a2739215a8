"""Settings, read in one place from ``QA_BOT_*`` environment variables.

Every other module receives a :class:`Settings` instance; nothing else reads the
environment. Defaults suit a single machine with the bundled multilingual model.
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from qa_bot.errors import ConfigError
from qa_bot.types import PART_LABELS

# Set before any third-party import that could phone home (hub, telemetry).
OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "ANONYMIZED_TELEMETRY": "False",
    "TOKENIZERS_PARALLELISM": "false",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "TRANSFORMERS_VERBOSITY": "error",
    "TRANSFORMERS_NO_ADVISORY_WARNINGS": "1",
}


def force_offline() -> None:
    """Make the hub, transformers, gradio and chroma stay offline in this process."""
    for key, value in OFFLINE_ENV.items():
        os.environ[key] = value


PART_PRIORS = Path(__file__).with_name("retrieval_priors.json")


def fitted_part_prior(path: Path = PART_PRIORS) -> tuple[tuple[str, float], ...]:
    """The fitted multiplier of a passage's retrieval score per part label ("vraag": 0.8).
    Fitted on both development sets with folds grouped by document by
    ``benchmarks/fit_part_prior.py``, which records its in-fold and out-of-fold hit@5 in the
    file; a part not named keeps 1."""
    if not path.exists():
        return ()
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(sorted((str(k), float(v)) for k, v in data.get("part_prior", {}).items()))


@dataclass(frozen=True)
class Settings:
    corpus_dir: Path = Path("corpus")
    index_dir: Path = Path("index")
    # "multilingual-e5-small" (default, bundled), "all-minilm-l6-v2" (bundled), "hash" (tests)
    # or a local sentence-transformers folder.
    model: str = ""
    device: str = "cpu"
    threads: int = 0  # embedding threads; 0 = the cores available
    chunk_tokens: int = 200  # word pieces per text chunk; e5 sees at most 512
    chunk_overlap_sentences: int = 1
    top_k: int = 5
    fusion: str = "minmax"  # "minmax" or "rrf" (benchmarks/tune_fusion.py measures both)
    bm25_weight: float = 1.0
    dense_weight: float = 1.0
    part_prior: tuple[tuple[str, float], ...] = field(default_factory=fitted_part_prior)  # () = none
    min_confidence: float | None = None  # abstain below; None: the fitted scorer's threshold (out-of-fold risk–coverage)
    # "prior" (the composer's prior, threshold 0.60) or "fitted" (answer/scorer_weights.json, its own threshold):
    # see benchmarks/RESULTS.md for why the fitted scorer is not yet the default
    scorer: str = "prior"
    max_question_chars: int = 2000
    chroma_url: str = ""  # http://host:port switches to a Chroma server
    allowed_origins: tuple[str, ...] = ()
    api_token: str = ""
    ui_user: str = ""
    ui_password: str = ""
    feedback_file: Path = Path("feedback.jsonl")
    host: str = "127.0.0.1"
    port: int = 7860
    concurrency: int = 4
    # Access and abuse limits (README "Toegang"; qa_bot.serve.guard applies them).
    open_access: bool = False  # serve on a non-loopback address without any credential
    login_slow_after: int = 3  # failed logins (per client, per user name) before each try is delayed
    login_max_failures: int = 10  # failed logins within login_lockout_s before a 429 lock-out
    login_lockout_s: int = 900
    ask_per_minute: int = 60  # POST /api/ask per client; 0 = no limit
    chat_per_minute: int = 240  # chat events (Gradio queue/join) per client; a question is 2–4 events; 0 = no limit
    queue_max: int = 64  # chat requests waiting at most; more get "queue full"
    body_timeout_s: float = 10.0  # a request body must arrive within this time (408 otherwise)
    keep_alive_s: int = 5  # idle keep-alive connections are closed after this

    def replace(self, **changes: object) -> Settings:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


def _float(env: dict[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        return float(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is geen getal.") from None


def _int(env: dict[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is geen geheel getal.") from None


def _bool(env: dict[str, str], name: str) -> bool:
    raw = env.get(name, "").strip().lower()
    if raw in ("", "0", "false", "nee", "no"):
        return False
    if raw in ("1", "true", "ja", "yes"):
        return True
    raise ConfigError(f"{name}={raw!r}: gebruik 1 of 0.")


def _part_prior(env: dict[str, str]) -> tuple[tuple[str, float], ...]:
    """``QA_BOT_PART_PRIOR``: "vraag=0.8,rapport=1", or "none"; unset: the fitted priors."""
    raw = env.get("QA_BOT_PART_PRIOR")
    if raw is None:
        return fitted_part_prior()
    if raw.strip().lower() in ("", "none", "0"):
        return ()
    pairs = []
    for item in raw.split(","):
        label, sep, value = item.partition("=")
        try:
            if not sep or label.strip() not in PART_LABELS:
                raise ValueError
            pairs.append((label.strip(), float(value)))
        except ValueError:
            raise ConfigError(f"QA_BOT_PART_PRIOR={raw!r}: gebruik DEEL=GETAL met DEEL uit {', '.join(PART_LABELS)}, "
                              "of none.") from None
    return tuple(sorted(pairs))


def load_settings(env: dict[str, str] | None = None) -> Settings:
    """Build settings from ``QA_BOT_*`` variables (``env`` defaults to os.environ)."""
    env = dict(os.environ if env is None else env)
    origins = tuple(o.strip().rstrip("/") for o in env.get("QA_BOT_ALLOWED_ORIGINS", "").split(",") if o.strip())
    device = env.get("QA_BOT_DEVICE", "cpu")
    if not (device == "cpu" or device.startswith("cuda") or device == "mps"):
        raise ConfigError(f"QA_BOT_DEVICE={device!r}: kies cpu, cuda, cuda:N of mps.")
    settings = Settings(
        corpus_dir=Path(env.get("QA_BOT_CORPUS", "corpus")),
        index_dir=Path(env.get("QA_BOT_INDEX", "index")),
        model=env.get("QA_BOT_MODEL", ""),
        device=device,
        threads=_int(env, "QA_BOT_THREADS", 0),
        chunk_tokens=_int(env, "QA_BOT_CHUNK_TOKENS", 200),
        top_k=_int(env, "QA_BOT_TOP_K", 5),
        fusion=env.get("QA_BOT_FUSION", "minmax"),
        bm25_weight=_float(env, "QA_BOT_BM25_WEIGHT", 1.0),
        dense_weight=_float(env, "QA_BOT_DENSE_WEIGHT", 1.0),
        part_prior=_part_prior(env),
        min_confidence=_float(env, "QA_BOT_MIN_CONFIDENCE", 0.60) if env.get("QA_BOT_MIN_CONFIDENCE") else None,
        scorer=env.get("QA_BOT_SCORER", "prior"),
        max_question_chars=_int(env, "QA_BOT_MAX_QUESTION_CHARS", 2000),
        chroma_url=env.get("QA_BOT_CHROMA_URL", ""),
        allowed_origins=origins,
        api_token=env.get("QA_BOT_API_TOKEN", ""),
        ui_user=env.get("QA_BOT_UI_USER", ""),
        ui_password=env.get("QA_BOT_UI_PASSWORD", ""),
        feedback_file=Path(env.get("QA_BOT_FEEDBACK_FILE", "feedback.jsonl")),
        host=env.get("QA_BOT_HOST", "127.0.0.1"),
        port=_int(env, "QA_BOT_PORT", 7860),
        concurrency=_int(env, "QA_BOT_CONCURRENCY", 4),
        open_access=_bool(env, "QA_BOT_OPEN"),
        login_slow_after=_int(env, "QA_BOT_LOGIN_SLOW_AFTER", 3),
        login_max_failures=_int(env, "QA_BOT_LOGIN_MAX_FAILURES", 10),
        login_lockout_s=_int(env, "QA_BOT_LOGIN_LOCKOUT_S", 900),
        ask_per_minute=_int(env, "QA_BOT_ASK_PER_MINUTE", 60),
        chat_per_minute=_int(env, "QA_BOT_CHAT_PER_MINUTE", 240),
        queue_max=_int(env, "QA_BOT_QUEUE_MAX", 64),
        body_timeout_s=_float(env, "QA_BOT_BODY_TIMEOUT_S", 10.0),
        keep_alive_s=_int(env, "QA_BOT_KEEP_ALIVE_S", 5),
    )
    if not 16 <= settings.chunk_tokens <= 512:
        raise ConfigError("QA_BOT_CHUNK_TOKENS moet tussen 16 en 512 liggen (het model ziet 512).")
    if settings.scorer not in ("fitted", "prior"):
        raise ConfigError(f"QA_BOT_SCORER={settings.scorer!r}: kies fitted of prior.")
    if settings.fusion not in ("rrf", "minmax"):
        raise ConfigError(f"QA_BOT_FUSION={settings.fusion!r}: kies rrf of minmax.")
    if settings.threads < 0:
        raise ConfigError("QA_BOT_THREADS moet 0 (alle kernen) of meer zijn.")
    if bool(settings.ui_user) != bool(settings.ui_password):
        raise ConfigError("Zet QA_BOT_UI_USER en QA_BOT_UI_PASSWORD samen (een login heeft beide nodig).")
    for name in ("login_slow_after", "ask_per_minute", "chat_per_minute"):
        if getattr(settings, name) < 0:
            raise ConfigError(f"QA_BOT_{name.upper()} moet 0 of meer zijn.")
    for name in ("login_max_failures", "login_lockout_s", "queue_max", "keep_alive_s"):
        if getattr(settings, name) < 1:
            raise ConfigError(f"QA_BOT_{name.upper()} moet minstens 1 zijn.")
    if settings.body_timeout_s <= 0:
        raise ConfigError("QA_BOT_BODY_TIMEOUT_S moet groter dan 0 zijn.")
    return settings
