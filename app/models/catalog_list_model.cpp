#include "catalog_list_model.h"

namespace qd {

CatalogListModel::CatalogListModel(const Catalog &catalog, QObject *parent)
    : QAbstractListModel(parent), entries_(catalog.entries()) {}

int CatalogListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(entries_.size());
}

QVariant CatalogListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const CatalogEntry &entry = entries_.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole: return entry.title;
    case IdRole: return entry.id;
    case DescriptionRole: return entry.description;
    case RepoRole: return entry.repo;
    case QuantizationRole: return entry.quantization;
    case DownloadBytesRole: return entry.totalBytes();
    case RamBytesRole: return entry.ramBytes;
    case RecommendedRole: return entry.recommended;
    case IsFolderRole: return entry.isFolder;
    default: return {};
    }
}

QHash<int, QByteArray> CatalogListModel::roleNames() const {
    return {{IdRole, "id"},
            {TitleRole, "title"},
            {DescriptionRole, "description"},
            {RepoRole, "repo"},
            {QuantizationRole, "quantization"},
            {DownloadBytesRole, "downloadBytes"},
            {RamBytesRole, "ramBytes"},
            {RecommendedRole, "recommended"},
            {IsFolderRole, "isFolder"}};
}

}  // namespace qd
