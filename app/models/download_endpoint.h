#pragma once
// Where model files are downloaded from. The Hugging Face Hub by default; HF_ENDPOINT (the
// variable the Hugging Face tools read, which users behind the Great Firewall set to a mirror)
// replaces it, and the app's own setting replaces both.
#include <QString>
#include <QUrl>

namespace qd {

inline constexpr char kDefaultHubUrl[] = "https://huggingface.co";

// The base URL to use: `configured` when not empty, else $HF_ENDPOINT, else the Hub.
QUrl downloadBaseUrl(const QString &configured = {});

// {base}/{repo}/resolve/main/{file}; a path the base already has (a mirror under a prefix) is kept.
QUrl fileDownloadUrl(const QUrl &base, const QString &repo, const QString &file);

}  // namespace qd
