"""Builders for the event clients a replica owns, from settings."""

from serve_app.events.feed import EventFeed, KafkaFanout
from serve_app.events.kafka import KafkaOptions, KafkaPublisher
from serve_app.events.pseudonym import Pseudonymizer
from serve_app.events.relay import OutboxRelay
from serve_app.settings import Settings
from serve_app.store.database import Database


def _kafka_options(settings: Settings) -> KafkaOptions:
    return KafkaOptions(
        partitions=settings.kafka_topic_partitions,
        replication_factor=settings.kafka_replication_factor,
        timeout_seconds=settings.kafka_timeout_seconds,
    )


def build_relay(settings: Settings, db: Database) -> OutboxRelay:
    """The relay of a configured Kafka (call only when `settings.kafka_enabled`)."""
    assert settings.kafka_bootstrap_servers is not None
    publisher = KafkaPublisher(settings.kafka_bootstrap_servers, **_kafka_options(settings))
    return OutboxRelay(
        db,
        publisher,
        batch_size=settings.relay_batch_size,
        idle_seconds=settings.relay_idle_seconds,
        backoff_max=settings.relay_backoff_max_seconds,
    )


def build_event_feed(settings: Settings, db: Database, pseudonymize: Pseudonymizer) -> EventFeed:
    """The SSE feed: Kafka-fed when a broker is configured, PostgreSQL-fed otherwise."""
    kafka = None
    if settings.kafka_bootstrap_servers:
        kafka = KafkaFanout(settings.kafka_bootstrap_servers, **_kafka_options(settings))
    return EventFeed(
        db,
        pseudonymize,
        kafka=kafka,
        poll_seconds=settings.sse_poll_seconds,
        heartbeat_seconds=settings.sse_heartbeat_seconds,
    )
