#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <string>

#include "handcheck/input_file.hpp"

using namespace handcheck;

namespace {

std::string temp_path(const char* name) {
  return (std::filesystem::temp_directory_path() / (std::string(name) + "-" + std::to_string(::getpid()))).string();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(input_file)

BOOST_AUTO_TEST_CASE(a_file_reads_whole_and_blocks_as_usual) {
  std::string path = temp_path("handcheck-input");
  std::FILE* f = std::fopen(path.c_str(), "wb");
  BOOST_REQUIRE(f);
  std::fputs("format: handcheck/1\n", f);
  std::fclose(f);
  int fd = open_input(path);
  BOOST_REQUIRE(fd >= 0);
  BOOST_TEST((::fcntl(fd, F_GETFL) & O_NONBLOCK) == 0);  // reads wait, as on a pipe
  BOOST_TEST((::fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0);
  char buf[64];
  BOOST_TEST(::read(fd, buf, sizeof buf) == 20);
  ::close(fd);
  std::remove(path.c_str());
}

BOOST_AUTO_TEST_CASE(a_fifo_nobody_writes_to_opens_at_once_and_reads_empty) {
  std::string path = temp_path("handcheck-fifo");
  BOOST_REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
  int fd = open_input(path);  // a plain open would wait here for a writer, forever
  BOOST_REQUIRE(fd >= 0);
  char buf[8];
  BOOST_TEST(::read(fd, buf, sizeof buf) == 0);
  ::close(fd);
  std::remove(path.c_str());
}

BOOST_AUTO_TEST_CASE(a_missing_file_fails_with_errno) {
  errno = 0;
  BOOST_TEST(open_input(temp_path("handcheck-absent")) == -1);
  BOOST_TEST(errno == ENOENT);
}

BOOST_AUTO_TEST_SUITE_END()
