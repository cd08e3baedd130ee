"""Builders for the event clients a replica owns, from settings.

The transport: a Dapr sidecar when DAPR_HTTP_PORT is set (the relay publishes through it
and the SSE feed is fed by its deliveries to /dapr/events), else Kafka directly when
LEARNFLOW_KAFKA_BOOTSTRAP_SERVERS is set, else off (events stay in PostgreSQL).
"""

from typing import Literal

from serve_app.events.dapr import DaprPublisher
from serve_app.events.feed import EventFeed, KafkaFanout, PushFanout
from serve_app.events.kafka import KafkaOptions, KafkaPublisher
from serve_app.events.pseudonym import Pseudonymizer
from serve_app.events.relay import OutboxRelay, Publisher
from serve_app.settings import Settings
from serve_app.store.database import Database

EventTransport = Literal["dapr", "kafka", "off"]


def event_transport(settings: Settings) -> EventTransport:
    if settings.dapr_http_port is not None:
        return "dapr"
    if settings.kafka_enabled:
        return "kafka"
    return "off"


def _kafka_options(settings: Settings) -> KafkaOptions:
    return KafkaOptions(
        partitions=settings.kafka_topic_partitions,
        replication_factor=settings.kafka_replication_factor,
        timeout_seconds=settings.kafka_timeout_seconds,
    )


def build_publisher(settings: Settings) -> Publisher:
    """The relay's publisher of the configured transport (not "off")."""
    if settings.dapr_http_port is not None:
        return DaprPublisher(
            settings.dapr_http_port,
            pubsub_name=settings.dapr_pubsub_name,
            api_token=settings.dapr_api_token,
            timeout_seconds=settings.dapr_timeout_seconds,
            concurrency=settings.dapr_publish_concurrency,
        )
    if settings.kafka_bootstrap_servers is None:
        raise ValueError("no event transport configured: events stay in PostgreSQL")
    return KafkaPublisher(settings.kafka_bootstrap_servers, **_kafka_options(settings))


def build_relay(settings: Settings, db: Database) -> OutboxRelay:
    """The relay of the configured transport (call only when it is not "off")."""
    return OutboxRelay(
        db,
        build_publisher(settings),
        batch_size=settings.relay_batch_size,
        idle_seconds=settings.relay_idle_seconds,
        backoff_max=settings.relay_backoff_max_seconds,
    )


def build_event_feed(settings: Settings, db: Database, pseudonymize: Pseudonymizer) -> EventFeed:
    """The SSE feed: fed by Dapr deliveries with a sidecar, by its own Kafka consumer with a
    broker configured, from PostgreSQL otherwise."""
    transport = event_transport(settings)
    kafka = None
    pushed = None
    if transport == "dapr":
        pushed = PushFanout()
    elif transport == "kafka":
        assert settings.kafka_bootstrap_servers is not None
        kafka = KafkaFanout(settings.kafka_bootstrap_servers, **_kafka_options(settings))
    return EventFeed(
        db,
        pseudonymize,
        kafka=kafka,
        pushed=pushed,
        poll_seconds=settings.sse_poll_seconds,
        heartbeat_seconds=settings.sse_heartbeat_seconds,
    )
