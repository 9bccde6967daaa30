#pragma once
// The download catalog as a list model, for the interface's "download a model" page.
#include "catalog.h"

#include <QAbstractListModel>

namespace qd {

class CatalogListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        DescriptionRole,
        RepoRole,
        QuantizationRole,
        DownloadBytesRole,
        RamBytesRole,
        RecommendedRole,
        IsFolderRole,
    };

    explicit CatalogListModel(const Catalog &catalog = Catalog::builtIn(), QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<CatalogEntry> entries_;
};

}  // namespace qd
