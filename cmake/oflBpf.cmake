# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# ofl_add_bpf_object(NAME SOURCE): compile a BPF C program that includes
# <offload/bpf.h> with clang -O2 -target bpf into ${CMAKE_CURRENT_BINARY_DIR}/NAME.o
# and make a target NAME that builds it. ${NAME}_BPF_OBJ holds the path.
# Further arguments are extra dependencies (headers beside SOURCE).
find_program(OFL_BPF_CLANG clang)
set(OFL_BPF_INCLUDE_EXTRA "" CACHE STRING "extra -I for BPF (asm/ headers)")
if(NOT OFL_BPF_INCLUDE_EXTRA)
  execute_process(COMMAND ${CMAKE_C_COMPILER} -print-multiarch
    OUTPUT_VARIABLE _ma OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(_ma)
    set(OFL_BPF_INCLUDE_EXTRA "/usr/include/${_ma}")
  endif()
endif()
function(ofl_add_bpf_object name src)
  set(_out ${CMAKE_CURRENT_BINARY_DIR}/${name}.o)
  file(GLOB_RECURSE _deps CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/lib/*
    ${PROJECT_SOURCE_DIR}/include/offload/*.h
    ${OFL_GEN_DIR}/ofl_identity_gen.h)
  add_custom_command(OUTPUT ${_out}
    COMMAND ${OFL_BPF_CLANG} -O2 -g -target bpf -Wall -Werror
      -I${PROJECT_SOURCE_DIR}/include -I${OFL_GEN_DIR} -idirafter ${OFL_BPF_INCLUDE_EXTRA}
      -c ${src} -o ${_out}
    DEPENDS ${src} ${_deps} ${ARGN}
    COMMENT "BPF ${name}.o" VERBATIM)
  add_custom_target(${name} ALL DEPENDS ${_out})
  set(${name}_BPF_OBJ ${_out} PARENT_SCOPE)
endfunction()
