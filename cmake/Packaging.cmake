# `cpack -G DEB` in a build directory makes lockstep_<version>_<arch>.deb of what `cmake --install` installs.
# Debian 12's own packages only: the dependencies are the shared libraries' packages, found by dpkg-shlibdeps
# (dpkg-dev) where it exists, else Debian 12's names listed by hand.
set(CPACK_PACKAGE_NAME lockstep)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The Lockstep developers")
set(CPACK_PACKAGE_CONTACT "The Lockstep developers <lockstep@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "concurrency simulator for learning threads, processes and asyncio")
set(CPACK_PACKAGE_DESCRIPTION
    "Lockstep runs scenarios in the style of Python's threading, multiprocessing and asyncio (a lost update,
a deadlock, a semaphore, producers and consumers, processes sharing memory, an asyncio gather) one
scheduling decision at a time, and shows which thread, process or task runs, which waits and for what.
Every run is deterministic and can be replayed; learners' own Python 3.11 programs run under the same
scheduler. A window and a command line, in English and Russian.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY lockstep)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)  # the release preset keeps debug information; the package does not need it

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # lockstep_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE https://github.com/lockstep/lockstep)
find_program(LOCKSTEP_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(LOCKSTEP_DPKG_SHLIBDEPS)
  # It finds libqt6svg6 too (the exports link Qt Svg), which also brings the SVG icon engine the window's icon
  # is drawn with.
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
      "libqt6core6, libqt6gui6, libqt6widgets6, libqt6svg6, libqt6charts6, libpython3.11, libc6, libstdc++6, libgcc-s1")
endif()
# The standard library a learner's program imports (/usr/lib/python3.11) comes with libpython3.11's own
# dependency on libpython3.11-stdlib; bubblewrap is only for --sandbox.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "bubblewrap")

set(CPACK_GENERATOR DEB)
include(CPack)
