"""POST /dapr/events: where the Dapr sidecar delivers the event topics (its Subscriptions).

Not part of the public contract (hidden from the OpenAPI schema, not under /v1). The sidecar
proves itself with the `dapr-api-token` header, which must equal APP_API_TOKEN when that is
set. The answer follows Dapr's protocol: `SUCCESS` (taken), `DROP` (never valid: retrying
cannot help) or `RETRY` (the feed cannot take it now; the sidecar delivers it again).

Bodies: the outbox's CloudEvent itself (published with rawPayload, it is a valid CloudEvent
that Dapr passes on, perhaps with trace attributes added), or, for a subscription with
rawPayload, Dapr's own wrapper event with the envelope in `data_base64`.
"""

import base64
import binascii
import hmac
import json
import logging
from typing import Annotated, Any

from fastapi import APIRouter, Header, Request
from fastapi.responses import JSONResponse
from jsonschema import ValidationError

from serve_app.api.deps import get_event_feed
from serve_app.events.feed import NotPushFed, UnknownEvent
from serve_app.events.models import CloudEvent
from serve_app.events.validation import MissingSchema, validate_envelope
from serve_app.security.errors import Unauthenticated
from serve_app.settings import get_settings

logger = logging.getLogger(__name__)

router = APIRouter(tags=["dapr"], include_in_schema=False)

DAPR_WRAPPER_TYPE = "com.dapr.event.sent"
ACCEPTED_TYPES = ("application/cloudevents+json", "application/json")
_ENVELOPE_FIELDS = frozenset(CloudEvent.model_fields)


class Undeliverable(ValueError):
    """A delivery that can never become a valid event (Dapr should drop it)."""


def _answer(status: str) -> JSONResponse:
    return JSONResponse({"status": status})


def _check_token(presented: str | None) -> None:
    expected = get_settings().dapr_app_token
    if expected is None:
        return
    given = (presented or "").encode()
    if not hmac.compare_digest(given, expected.get_secret_value().encode()):
        raise Unauthenticated("a Dapr delivery needs the app token (dapr-api-token)")


def unwrap(body: Any) -> dict[str, Any]:
    """The outbox envelope of a delivery body, without Dapr's added attributes."""
    if not isinstance(body, dict):
        raise Undeliverable("the body is not a JSON object")
    envelope: Any = body
    if body.get("type") == DAPR_WRAPPER_TYPE:
        if "data_base64" in body:
            try:
                envelope = json.loads(base64.b64decode(str(body["data_base64"]), validate=True))
            except (binascii.Error, ValueError):
                raise Undeliverable("data_base64 is not a base64 JSON document") from None
        else:
            envelope = body.get("data")
    if not isinstance(envelope, dict):
        raise Undeliverable("the event is not a JSON object")
    # Dapr adds trace and routing attributes (traceparent, topic, pubsubname, ...).
    return {key: value for key, value in envelope.items() if key in _ENVELOPE_FIELDS}


@router.post("/dapr/events")
async def receive_event(
    request: Request,
    dapr_api_token: Annotated[str | None, Header(alias="dapr-api-token")] = None,
) -> JSONResponse:
    _check_token(dapr_api_token)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type not in ACCEPTED_TYPES:
        return JSONResponse(
            {"detail": "a Dapr delivery is application/cloudevents+json"}, status_code=415
        )
    try:
        envelope = unwrap(json.loads(await request.body()))
        validate_envelope(envelope)
    except (Undeliverable, ValueError, ValidationError, MissingSchema) as exc:
        # The payload stays out of the log: it is a student's learning record.
        logger.warning("Dapr delivery dropped: %s", _reason(exc))
        return _answer("DROP")
    try:
        await get_event_feed(request).inject(envelope)
    except NotPushFed:
        # Dapr takes a 404 as "not retriable": this replica is not in Dapr mode.
        return JSONResponse({"detail": "this replica takes no Dapr deliveries"}, status_code=404)
    except UnknownEvent as exc:
        logger.warning("Dapr delivery %s dropped: %s", envelope.get("id"), exc)
        return _answer("DROP")
    except Exception as exc:
        logger.warning("Dapr delivery %s to retry: %s", envelope.get("id"), type(exc).__name__)
        return _answer("RETRY")
    return _answer("SUCCESS")


def _reason(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        where = "/".join(map(str, exc.absolute_path)) or "<envelope>"
        return f"invalid at {where} ({exc.validator})"
    if isinstance(exc, MissingSchema):
        return "unknown event type"
    if isinstance(exc, Undeliverable):
        return str(exc)
    return "the body is not JSON"
