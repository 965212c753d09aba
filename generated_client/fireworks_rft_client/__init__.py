"""A client library for accessing Fireworks Reinforcement Fine-tuning Jobs"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
