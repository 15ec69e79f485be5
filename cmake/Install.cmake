# `cmake --install`: the library, its public headers, the handcheck program, a CMake package
# (find_package(handcheck CONFIG), target handcheck::handcheck) and a pkg-config file.
include(CMakePackageConfigHelpers)

set(HANDCHECK_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/handcheck)
set_target_properties(handcheck_core PROPERTIES EXPORT_NAME handcheck)
set(handcheck_exported handcheck_core)
if(TARGET handcheck_yaml_cpp)
  # The static build links yaml-cpp's archive through this target; a consumer needs it too.
  set_target_properties(handcheck_yaml_cpp PROPERTIES EXPORT_NAME yaml_cpp_archive)
  list(APPEND handcheck_exported handcheck_yaml_cpp)
endif()
if(HANDCHECK_SANITIZE)
  # An instrumented library needs the sanitizer runtimes in whatever links it.
  target_link_options(handcheck_core INTERFACE -fsanitize=address,undefined)
  set(HANDCHECK_PC_SANITIZE "-fsanitize=address,undefined")
endif()
install(TARGETS ${handcheck_exported} EXPORT handcheckTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS handcheck RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/handcheck DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT handcheckTargets NAMESPACE handcheck:: DESTINATION ${HANDCHECK_CMAKE_DIR})

set(HANDCHECK_STATIC_BUILD ${HANDCHECK_STATIC})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/handcheckConfig.cmake.in
  ${PROJECT_BINARY_DIR}/handcheckConfig.cmake INSTALL_DESTINATION ${HANDCHECK_CMAKE_DIR})
# 0.x: a minor version may change the interface.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/handcheckConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/handcheckConfig.cmake ${PROJECT_BINARY_DIR}/handcheckConfigVersion.cmake
  ${CMAKE_CURRENT_LIST_DIR}/FindMPFI.cmake DESTINATION ${HANDCHECK_CMAKE_DIR})

# pkg-config: the library is static, so its dependencies go in Libs and Requires, not .private.
if(HANDCHECK_STATIC)
  set(HANDCHECK_PC_CFLAGS "-DFMT_HEADER_ONLY=1")
  set(HANDCHECK_PC_REQUIRES "mpfr gmp nlohmann_json")
  set(HANDCHECK_PC_LIBS "-l:libyaml-cpp.a -lmpfi")
else()
  set(HANDCHECK_PC_CFLAGS "")
  set(HANDCHECK_PC_REQUIRES "mpfr gmp fmt yaml-cpp nlohmann_json")
  set(HANDCHECK_PC_LIBS "-lmpfi")
endif()
# Relocatable: the prefix is found from the .pc file's own folder.
file(RELATIVE_PATH HANDCHECK_PC_UP /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
configure_file(${CMAKE_CURRENT_LIST_DIR}/handcheck.pc.in ${PROJECT_BINARY_DIR}/handcheck.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/handcheck.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
