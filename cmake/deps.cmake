# Third-party libraries, all from Debian 12 packages (scripts/install-deps installs them).
find_package(Threads REQUIRED)
find_package(fmt REQUIRED)
find_package(spdlog REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(restinio REQUIRED)
find_package(ICU REQUIRED COMPONENTS uc i18n data)
find_package(PkgConfig REQUIRED)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
pkg_check_modules(PUGIXML REQUIRED IMPORTED_TARGET pugixml)

# SOCI 4.0 ships no CMake package in Debian: declare its targets by hand.
find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
foreach(part core sqlite3 postgresql)
  find_library(SOCI_${part}_LIBRARY soci_${part} REQUIRED)
  add_library(soci::${part} UNKNOWN IMPORTED)
  set_target_properties(soci::${part} PROPERTIES IMPORTED_LOCATION ${SOCI_${part}_LIBRARY}
                                                 INTERFACE_INCLUDE_DIRECTORIES ${SOCI_INCLUDE_DIR})
endforeach()
target_link_libraries(soci::sqlite3 INTERFACE soci::core PkgConfig::SQLITE3)
target_link_libraries(soci::postgresql INTERFACE soci::core PkgConfig::LIBPQ)

# CRoaring 0.2 (libroaring-dev) ships neither a CMake package nor a .pc file.
find_path(ROARING_INCLUDE_DIR roaring/roaring.hh REQUIRED)
find_library(ROARING_LIBRARY roaring REQUIRED)
