"""Registers Confluent's S3 sink with the local Connect worker (docker-compose.yml's register-connector).

The configuration is connect-config/s3-sink.json with its ${placeholders} filled from this container's
environment and path_format from the chosen layout file, plus the S3 endpoint settings of local.json. The other
change local.json makes, the stand-in connector class, is left out: here Confluent's own plugin is installed.
"""
import json
import os
import string
import sys
import time
import urllib.error
import urllib.request

CONFIG_DIR = "/connect-config"
ENDPOINT_KEYS = ("store.url", "s3.path.style.access.enabled")


def rendered(file_name, variables):
    with open(os.path.join(CONFIG_DIR, file_name)) as template:
        return json.loads(string.Template(template.read()).substitute(variables))


def connector_config():
    variables = dict(os.environ)
    with open(os.path.join(CONFIG_DIR, "layouts", variables["layout"] + ".json")) as layout:
        variables["path_format"] = json.load(layout)["path_format"]
    config = rendered("s3-sink.json", variables)
    local = rendered("local.json", variables)
    config.update({key: local[key] for key in ENDPOINT_KEYS})
    return config


def put(url, body):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="PUT",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.read().decode()


def main():
    config = connector_config()
    url = f"{os.environ['CONNECT_URL']}/connectors/{config['name']}/config"
    # The worker answers before its plugin scan has settled; a few retries cover that.
    for attempt in range(10):
        try:
            status, body = put(url, config)
            print(f"{config['name']}: HTTP {status} {body}")
            return 0
        except urllib.error.HTTPError as refused:
            print(f"{config['name']}: HTTP {refused.code} {refused.read().decode()}", file=sys.stderr)
            return 1
        except OSError as error:
            print(f"attempt {attempt + 1}: {error}", file=sys.stderr)
            time.sleep(5)
    return 1


if __name__ == "__main__":
    sys.exit(main())
