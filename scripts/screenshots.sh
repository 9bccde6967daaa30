#!/bin/sh
# Screenshots of the main screens (welcome, chat with a code block, history search, settings) in
# light and dark, English, Chinese and Arabic, into docs/screenshots/; also German, Russian and
# Korean (longest words, Cyrillic, Hangul) in light, and English at 200% scale. Runs the real app offscreen
# with --automation and grabs the window; the chat uses the tiny trained test model.
#   scripts/screenshots.sh [BUILD_DIR]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
app="$build/app/gui/qwendesk"
out="$root/docs/screenshots"
model="$root/tests/data/trained/demo-a/demo-a-f16.gguf"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
export QT_QPA_PLATFORM=offscreen

# A history with a reply that has a code block and a table, written the way the app stores it.
seed_history() {
  cat > "$work/seed.json" <<'JSON'
[
 {"eval": "session.chat.appendExchange('How do I list files in Python?', 'Use **os.listdir** or `pathlib`:\n\n```python\nfrom pathlib import Path\n\nfor entry in Path(\".\").iterdir():\n    print(entry.name)\n```\n\n| Function | Returns |\n|---|---|\n| `os.listdir` | names |\n| `Path.iterdir` | paths |')"},
 {"eval": "session.chat.open(0)"},
 {"eval": "session.chat.appendExchange('What is the capital of France?', 'The capital of France is Paris.')"},
 {"eval": "session.chat.open(0)"},
 {"eval": "session.chat.appendExchange('Plan a weekend in Paris', 'Day one: the Louvre and a walk along the Seine. Day two: Montmartre.')"},
 {"key": "Ctrl+Q"}
]
JSON
  "$app" --data-dir "$1" --automation "$work/seed.json" 2>/dev/null
}

shoot() {  # language theme [scale]
  lang=$1 theme=$2 scale=${3:-1}
  name="$lang-$theme"
  [ "$scale" = 1 ] || name="$lang-$theme-x$scale"
  data="$work/profile-$name"
  seed_history "$data"
  cat > "$work/shots.json" <<JSON
[
 {"eval": "session.settings.setValue('theme', '$theme')"},
 {"sleep": 300},
 {"screenshot": "$out/welcome-$name.png"},
 {"eval": "session.models.load('$model')"},
 {"wait": "session.models.state === ModelManager.Ready"},
 {"eval": "window.openConversation(session.conversations.data(session.conversations.index(2, 0), 257))"},
 {"sleep": 500},
 {"screenshot": "$out/chat-$name.png"},
 {"key": "Ctrl+F"},
 {"type": "Paris"},
 {"wait": "session.search.count > 0"},
 {"sleep": 300},
 {"screenshot": "$out/search-$name.png"},
 {"eval": "sidebar.searchField.text = ''"},
 {"key": "Ctrl+,"},
 {"sleep": 500},
 {"screenshot": "$out/settings-$name.png"},
 {"key": "Ctrl+Q"}
]
JSON
  QT_SCALE_FACTOR=$scale "$app" --data-dir "$data" --language "$lang" --automation "$work/shots.json" 2>/dev/null
  echo "screenshots: $name"
}

for lang in en zh_CN ar; do
  for theme in light dark; do
    shoot "$lang" "$theme"
  done
done
for lang in de ru ko; do
  shoot "$lang" light
done
shoot en light 2
