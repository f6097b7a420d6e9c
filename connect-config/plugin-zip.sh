#!/usr/bin/env bash
# Makes the one custom-plugin zip MSK Connect takes per connector: Confluent's S3 sink zip as Confluent Hub ships
# it, with our plugin jars added to its lib/ folder, where Connect's plugin class loader finds them beside
# Confluent's. Nothing of Confluent's zip is changed or removed.
#
#   plugin-zip.sh CONFLUENT_ZIP OUTPUT_ZIP JAR...
#
# e.g. (docs/deploying.md), the one zip every connector of the stack runs on:
#   ./mvnw -q -DskipTests -pl processed-record-converter,dead-letter-envelope -am package
#   connect-config/plugin-zip.sh confluentinc-kafka-connect-s3-10.6.3.zip \
#       confluentinc-kafka-connect-s3-10.6.3-with-synapse-access-records.zip \
#       processed-record-converter/target/processed-record-converter-*.jar dead-letter-envelope/target/dead-letter-envelope-*.jar
# Needs only a JDK (its jar tool).
set -euo pipefail

if [ "$#" -lt 3 ]; then
    echo "usage: $0 CONFLUENT_ZIP OUTPUT_ZIP JAR..." >&2
    exit 2
fi
confluent_zip=$1
output_zip=$2
shift 2

# Confluent Hub's zips hold <name>-<version>/lib/*.jar; our jars go in the same lib/.
lib_dir=$(jar tf "$confluent_zip" | grep -m1 -E '^[^/]+/lib/[^/]+\.jar$' | sed -E 's#/[^/]+$##' || true)
if [ -z "$lib_dir" ]; then
    echo "$confluent_zip has no <plugin>/lib/*.jar: is it Confluent's S3 sink zip from Confluent Hub?" >&2
    exit 1
fi

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
mkdir -p "$staging/$lib_dir"
for plugin_jar in "$@"; do
    if [ ! -f "$plugin_jar" ]; then
        echo "no such jar: $plugin_jar (build it first: ./mvnw -q -DskipTests -pl processed-record-converter,dead-letter-envelope -am package)" >&2
        exit 1
    fi
    cp "$plugin_jar" "$staging/$lib_dir/"
done

output_zip=$(cd "$(dirname "$output_zip")" && pwd)/$(basename "$output_zip")
cp "$confluent_zip" "$output_zip"
# M: no manifest of its own, the zip stays a plain zip as Confluent's is.
(cd "$staging" && jar uMf "$output_zip" "$lib_dir")
echo "$output_zip: $confluent_zip with $lib_dir/ plus $*"
