# CPack: a Debian package of the installed tree (cmake --install layout with
# prefix /usr). Build it with `cpack -G DEB` in the build directory;
# scripts/package-test installs and checks it.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME insightd)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "insightd")
# Whoever builds the package for distribution sets a real address.
set(INSIGHTD_PACKAGE_MAINTAINER "insightd maintainers <maintainers@insightd.example.org>"
  CACHE STRING "Maintainer field of the Debian package")
set(CPACK_PACKAGE_CONTACT "${INSIGHTD_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Genesys Cloud Agent Assist insights to CRM webhook daemon")
# The extended description under the summary: lines under 80 columns
# (lintian); CPack indents them for the control file.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "insightd takes interaction IDs from a durable work queue, fetches their
insights from Genesys Cloud CX, checks them (schema, freshness, PII),
delivers them to a CRM webhook with Standard Webhooks signatures and writes
one audit record per interaction to journald.
.
The package includes the systemd unit, manual pages, Prometheus alerting
rules and a Grafana dashboard.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Runtime libraries from the binaries' NEEDED entries (dpkg-shlibdeps); the
# maintainer scripts need adduser (deb-systemd-invoke comes with the essential
# init-system-helpers).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${PROJECT_SOURCE_DIR}/packaging/deb/postinst
  ${PROJECT_SOURCE_DIR}/packaging/deb/prerm
  ${PROJECT_SOURCE_DIR}/packaging/deb/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)

include(CPack)
