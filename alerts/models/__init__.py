"""The alerts app's models: who follows what, what happened, what was sent."""

from .records import (
    Delivery,
    DigestRun,
    Event,
    Frequency,
    Subscriber,
    Subscription,
    Topic,
)

__all__ = [
    "Delivery",
    "DigestRun",
    "Event",
    "Frequency",
    "Subscriber",
    "Subscription",
    "Topic",
]
