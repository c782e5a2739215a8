"""The answer side: candidates from the passages (:mod:`.compose`), each described by its
features and scored by one fitted model (:mod:`.scorer`), then a cited answer, a computed
figure or an abstention with a reason code."""

from qa_bot.answer.compose import Composer, Reason, abstain, message

__all__ = ["Composer", "Reason", "abstain", "message"]
