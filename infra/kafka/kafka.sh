#!/usr/bin/env bash
# A single-node Apache Kafka (KRaft, no ZooKeeper) on 127.0.0.1 from Maven Central's jars.
#
#   infra/kafka/kafka.sh start     fetch the jars once, format storage once, start, wait, print
#                                  the bootstrap address (export it as
#                                  LEARNFLOW_KAFKA_BOOTSTRAP_SERVERS)
#   infra/kafka/kafka.sh stop      stop the broker (data kept)
#   infra/kafka/kafka.sh destroy   stop it and delete its data
#   infra/kafka/kafka.sh status    "running <address>" (exit 0) or "stopped" (exit 1)
#   infra/kafka/kafka.sh jars      only fetch the jars (CI warms the cache with it)
#
# Environment: LEARNFLOW_KAFKA_PORT (9092), LEARNFLOW_KAFKA_CONTROLLER_PORT (port + 1),
# KAFKA_DATA_DIR (/tmp/learnflow-kafka), KAFKA_JARS_DIR (infra/kafka/.jars), JAVA_HOME,
# KAFKA_HEAP_OPTS (-Xms256m -Xmx512m). Tests start private brokers with their own port and
# data dir; several brokers share one jar cache.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
PORT="${LEARNFLOW_KAFKA_PORT:-9092}"
CONTROLLER_PORT="${LEARNFLOW_KAFKA_CONTROLLER_PORT:-$((PORT + 1))}"
DATA="${KAFKA_DATA_DIR:-/tmp/learnflow-kafka}"
JARS="${KAFKA_JARS_DIR:-$HERE/.jars}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# Several JVM options in one variable, as Kafka's own scripts take them.
read -r -a HEAP <<<"${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
ADDRESS="127.0.0.1:${PORT}"
PID_FILE="$DATA/kafka.pid"
START_SECONDS="${KAFKA_START_SECONDS:-120}"

die() { echo "kafka.sh: $*" >&2; exit 1; }

fetch_jars() {
  command -v "$JAVA" >/dev/null || die "java not found (Java 17 or newer is needed)"
  local stamp="$JARS/.pom.sha256" want
  want="$(sha256sum "$HERE/pom.xml" | cut -d' ' -f1)"
  mkdir -p "$JARS"
  # One fetch at a time: parallel test sessions share the cache.
  exec 9>"$JARS/.lock"
  flock 9
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    command -v mvn >/dev/null || die "mvn not found (Maven fetches the broker's jars)"
    rm -f "$JARS"/*.jar
    mvn -B --no-transfer-progress -Dstyle.color=never -f "$HERE/pom.xml" \
      dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$JARS" \
      >"$JARS/mvn.log" 2>&1 || die "mvn could not fetch the jars: $(tail -20 "$JARS/mvn.log")"
    echo "$want" >"$stamp"
  fi
  flock -u 9
}

kafka_java() {
  "$JAVA" "${HEAP[@]}" -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$HERE/log4j2.properties" -cp "$JARS/*" "$@"
}

running_pid() {
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null)" || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

write_config() {
  cat >"$DATA/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${CONTROLLER_PORT}
listeners=PLAINTEXT://127.0.0.1:${PORT},CONTROLLER://127.0.0.1:${CONTROLLER_PORT}
advertised.listeners=PLAINTEXT://127.0.0.1:${PORT}
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=${DATA}/logs
num.partitions=1
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=4
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=168
PROPS
}

answers() {
  # The port accepts connections and the broker has logged that it finished starting.
  (exec 3<>"/dev/tcp/127.0.0.1/${PORT}") 2>/dev/null &&
    grep -q "Kafka Server started" "$DATA/server.log" 2>/dev/null
}

start() {
  if pid="$(running_pid)"; then
    echo "$ADDRESS"
    return 0
  fi
  fetch_jars
  mkdir -p "$DATA"
  write_config
  if [ ! -f "$DATA/logs/meta.properties" ]; then
    local cluster_id
    cluster_id="$(kafka_java kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)"
    kafka_java kafka.tools.StorageTool format --ignore-formatted \
      -t "$cluster_id" -c "$DATA/server.properties" >"$DATA/format.log" 2>&1 ||
      die "formatting $DATA failed: $(tail -5 "$DATA/format.log")"
  fi
  : >"$DATA/server.log"
  # setsid: the broker outlives this script and is not hit by the caller's Ctrl-C.
  setsid bash -c 'exec "$@"' _ "$JAVA" "${HEAP[@]}" -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$HERE/log4j2.properties" -cp "$JARS/*" \
    kafka.Kafka "$DATA/server.properties" >>"$DATA/server.log" 2>&1 </dev/null &
  echo $! >"$PID_FILE"
  local deadline=$((SECONDS + START_SECONDS))
  until answers; do
    running_pid >/dev/null || die "broker exited while starting: $(tail -20 "$DATA/server.log")"
    [ "$SECONDS" -lt "$deadline" ] || { stop; die "broker did not answer on $ADDRESS in ${START_SECONDS}s"; }
    sleep 0.5
  done
  echo "$ADDRESS"
}

stop() {
  local pid
  pid="$(running_pid)" || { rm -f "$PID_FILE"; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -KILL "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  rm -f "$PID_FILE"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  destroy) stop; rm -rf "$DATA" ;;
  status)
    if running_pid >/dev/null && answers; then echo "running $ADDRESS"; else echo "stopped"; exit 1; fi
    ;;
  jars) fetch_jars ;;
  *) echo "usage: $0 start|stop|destroy|status|jars" >&2; exit 2 ;;
esac
