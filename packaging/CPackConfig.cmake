# Debian package of QwenDesk. Qt's QML modules and plugins are not linked libraries, so CPack's
# automatic dependency scan misses them: they are listed by hand.
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "qwendesk")
set(CPACK_PACKAGE_VENDOR "QwenDesk")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Chat with Qwen2.5 entirely on your own CPU")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "QwenDesk developers")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qml6-module-qtquick, qml6-module-qtquick-controls, qml6-module-qtquick-templates, qml6-module-qtquick-layouts, qml6-module-qtquick-window, qml6-module-qtqml-workerscript, qt6-qpa-plugins, libqt6sql6-sqlite")
install(FILES ${CMAKE_CURRENT_LIST_DIR}/org.qwendesk.QwenDesk.desktop DESTINATION share/applications)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/org.qwendesk.QwenDesk.metainfo.xml DESTINATION share/metainfo)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/../resources/icons/qwendesk.svg
        DESTINATION share/icons/hicolor/scalable/apps RENAME org.qwendesk.QwenDesk.svg)
include(CPack)
