# The operator's kit in the install tree (`cmake --install`, and so the .deb):
# manual pages (gzipped, as Debian wants them), the Prometheus alerting rules
# and the Grafana dashboard under share/insightd, the example configuration,
# the runbook, and the Debian copyright file and changelog.
# Target `operator_docs` makes the compressed files; `all` includes it.
find_program(GZIP_PROGRAM gzip REQUIRED)

set(INSIGHTD_MAN_PAGES insightd.8 insightd.yaml.5 insightd-sim.1)
set(operator_doc_outputs)
# gzip -n: no name or time stamp in the header, so the package is reproducible.
function(insightd_gzip source output)
  add_custom_command(OUTPUT ${output}
    COMMAND sh -c "${GZIP_PROGRAM} -9nc \"$1\" > \"$2\"" sh ${source} ${output}
    DEPENDS ${source} VERBATIM)
  set(operator_doc_outputs ${operator_doc_outputs} ${output} PARENT_SCOPE)
endfunction()

file(MAKE_DIRECTORY ${PROJECT_BINARY_DIR}/man)
foreach(page IN LISTS INSIGHTD_MAN_PAGES)
  insightd_gzip(${PROJECT_SOURCE_DIR}/man/${page} ${PROJECT_BINARY_DIR}/man/${page}.gz)
  string(REGEX MATCH "[0-9]$" section ${page})
  install(FILES ${PROJECT_BINARY_DIR}/man/${page}.gz DESTINATION share/man/man${section})
endforeach()
# A native package's changelog is changelog.gz.
insightd_gzip(${PROJECT_SOURCE_DIR}/packaging/deb/changelog ${PROJECT_BINARY_DIR}/changelog.gz)
add_custom_target(operator_docs ALL DEPENDS ${operator_doc_outputs})

install(FILES config/insightd.example.yaml DESTINATION share/insightd)
install(FILES contrib/prometheus/insightd-rules.yaml DESTINATION share/insightd/prometheus)
install(FILES contrib/grafana/insightd.json DESTINATION share/insightd/grafana)
install(FILES docs/operations.md packaging/deb/copyright ${PROJECT_BINARY_DIR}/changelog.gz
  DESTINATION share/doc/insightd)
