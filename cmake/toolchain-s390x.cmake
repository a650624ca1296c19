# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# Cross build for s390x (64-bit big-endian) with Debian's gcc-s390x-linux-gnu,
# run under qemu-s390x-static. cmocka for s390x comes from Debian multiarch
# (libcmocka-dev:s390x, installed by scripts/deps.sh). Used by
# tests/bigendian; by hand:
#   cmake -S . -B build-s390x -DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-s390x.cmake \
#         -DOFL_BUILD_TOOLS=OFF && cmake --build build-s390x &&
#   ctest --test-dir build-s390x -L unit
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR s390x)
set(CMAKE_C_COMPILER s390x-linux-gnu-gcc)
set(CMAKE_LIBRARY_ARCHITECTURE s390x-linux-gnu)
# Programs from the host; libraries and headers of the target. The cross
# libc lives in /usr/s390x-linux-gnu, multiarch libraries (cmocka) in
# /usr/lib/s390x-linux-gnu.
set(CMAKE_FIND_ROOT_PATH /usr/s390x-linux-gnu /)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
# pkg-config must see the s390x .pc files only.
set(ENV{PKG_CONFIG_LIBDIR} /usr/lib/s390x-linux-gnu/pkgconfig:/usr/share/pkgconfig)
set(ENV{PKG_CONFIG_PATH} "")
# ctest runs every test executable through qemu. No -L: the loader, libc
# and cmocka all come from Debian's multiarch packages (libc6:s390x is
# pulled in by libcmocka0:s390x), which the rpath finds. qemu's
# -L /usr/s390x-linux-gnu would pair the cross package's ld64.so.1 with the
# multiarch libc.so.6, two different glibc builds: "stack smashing
# detected" before main.
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-s390x-static)
set(CMAKE_BUILD_RPATH /usr/lib/s390x-linux-gnu)
