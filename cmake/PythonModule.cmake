# The Python module `handcheck` (pybind11), for notebooks and autograders: the library in
# process. Built from the library's objects, compiled position-independent for it (CMakeLists.txt),
# linked here against the shared GMP, MPFR and MPFI.
#
# The interpreter is the one Debian's python3-pybind11 and python3-pytest serve; a python3
# from pyenv or a virtual environment earlier on PATH does not see them. Override with
# -DPython_EXECUTABLE=...
if(NOT DEFINED Python_EXECUTABLE AND EXISTS /usr/bin/python3)
  set(Python_EXECUTABLE /usr/bin/python3)
endif()
find_package(Python 3.9 REQUIRED COMPONENTS Interpreter Development.Module)
find_package(pybind11 2.6 CONFIG REQUIRED)

# Shared GMP, MPFR and MPFI: MPFR's archive keeps its exponent range in thread-local storage
# of a model that a shared object cannot hold.
set(handcheck_suffixes ${CMAKE_FIND_LIBRARY_SUFFIXES})
set(CMAKE_FIND_LIBRARY_SUFFIXES .so)
find_library(HANDCHECK_GMP_SHARED gmp REQUIRED)
find_library(HANDCHECK_MPFR_SHARED mpfr REQUIRED)
find_library(HANDCHECK_MPFI_SHARED mpfi REQUIRED)
set(CMAKE_FIND_LIBRARY_SUFFIXES ${handcheck_suffixes})

add_library(handcheck_core_pic STATIC $<TARGET_OBJECTS:handcheck_core>)
target_include_directories(handcheck_core_pic PUBLIC ${PROJECT_SOURCE_DIR}/include ${MPFI_INCLUDE_DIR}
  ${MPFR_INCLUDE_DIRS} ${GMP_INCLUDE_DIRS})
target_link_libraries(handcheck_core_pic
  PUBLIC Boost::boost ${HANDCHECK_MPFI_SHARED} ${HANDCHECK_MPFR_SHARED} ${HANDCHECK_GMP_SHARED} ${HANDCHECK_FMT}
         nlohmann_json::nlohmann_json Threads::Threads
  PRIVATE yaml-cpp)
target_compile_definitions(handcheck_core_pic PUBLIC HANDCHECK_VERSION="${PROJECT_VERSION}")

pybind11_add_module(handcheck_python MODULE python/handcheck_module.cpp)
set_target_properties(handcheck_python PROPERTIES OUTPUT_NAME handcheck LIBRARY_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/python)
target_link_libraries(handcheck_python PRIVATE handcheck_core_pic)
# The library's symbols stay inside the module.
target_link_options(handcheck_python PRIVATE -Wl,--exclude-libs,ALL)
handcheck_warnings(handcheck_python)

# Debian's python3 looks in <prefix>/lib/python3.X/dist-packages for /usr/local.
set(HANDCHECK_PYTHON_INSTALL_DIR lib/python${Python_VERSION_MAJOR}.${Python_VERSION_MINOR}/dist-packages
  CACHE STRING "Where cmake --install puts the Python module, under the prefix")
install(TARGETS handcheck_python LIBRARY DESTINATION ${HANDCHECK_PYTHON_INSTALL_DIR})
