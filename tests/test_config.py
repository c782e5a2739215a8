from pathlib import Path

import pytest

from qa_bot.config import load_settings
from qa_bot.errors import ConfigError


def test_defaults() -> None:
    s = load_settings({})
    assert s.corpus_dir == Path("corpus") and s.index_dir == Path("index")
    assert s.host == "127.0.0.1" and s.allowed_origins == ()


def test_environment_overrides() -> None:
    s = load_settings({"QA_BOT_INDEX": "/tmp/x", "QA_BOT_ALLOWED_ORIGINS": "https://a.be/, https://b.be",
                       "QA_BOT_DENSE_WEIGHT": "0.5"})  # fmt: skip
    assert s.index_dir == Path("/tmp/x")
    assert s.allowed_origins == ("https://a.be", "https://b.be")
    assert s.dense_weight == 0.5


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"QA_BOT_TOP_K": "vijf"}, "QA_BOT_TOP_K"),
        ({"QA_BOT_DENSE_WEIGHT": "x"}, "geen getal"),
        ({"QA_BOT_CHUNK_TOKENS": "1000"}, "tussen 16 en 512"),
        ({"QA_BOT_DEVICE": "tpu"}, "cpu, cuda"),
        ({"QA_BOT_PART_PRIOR": "bijlage=0.5"}, "vraag, antwoord, rapport"),
        ({"QA_BOT_PART_PRIOR": "vraag=laag"}, "DEEL=GETAL"),
    ],
)
def test_invalid_settings_say_what_is_wrong(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings(env)


def test_the_part_prior_is_the_fitted_one_unless_set() -> None:
    fitted = dict(load_settings({}).part_prior)
    assert 0 < fitted["vraag"] < 1  # written by benchmarks/fit_part_prior.py
    assert load_settings({"QA_BOT_PART_PRIOR": "none"}).part_prior == ()
    assert load_settings({"QA_BOT_PART_PRIOR": "vraag=0.5, rapport=1.2"}).part_prior == (("rapport", 1.2), ("vraag", 0.5))
