"""Settings, read in one place from ``QA_BOT_*`` environment variables.

Every other module receives a :class:`Settings` instance; nothing else reads the
environment. Defaults suit a single machine with the bundled multilingual model.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path

from qa_bot.errors import ConfigError

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
    min_confidence: float | None = None  # abstain below; None: the fitted scorer's threshold (out-of-fold risk–coverage)
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
        min_confidence=_float(env, "QA_BOT_MIN_CONFIDENCE", 0.60) if env.get("QA_BOT_MIN_CONFIDENCE") else None,
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
    )
    if not 16 <= settings.chunk_tokens <= 512:
        raise ConfigError("QA_BOT_CHUNK_TOKENS moet tussen 16 en 512 liggen (het model ziet 512).")
    if settings.fusion not in ("rrf", "minmax"):
        raise ConfigError(f"QA_BOT_FUSION={settings.fusion!r}: kies rrf of minmax.")
    if settings.threads < 0:
        raise ConfigError("QA_BOT_THREADS moet 0 (alle kernen) of meer zijn.")
    return settings
