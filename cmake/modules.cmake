# tb_module(name [DEPS module...] [PUBLIC_LIBS lib...] [PRIVATE_LIBS lib...])
# One static library per folder src/<name>, target tb_<name>, namespace tb::<name>.
# Sources are the folder's .cpp files; the allowed module dependencies are explicit.
function(tb_module name)
  cmake_parse_arguments(ARG "" "" "DEPS;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${name}/*.cpp)
  add_library(tb_${name} STATIC ${sources})
  target_include_directories(tb_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  foreach(dep ${ARG_DEPS})
    target_link_libraries(tb_${name} PUBLIC tb_${dep})
  endforeach()
  target_link_libraries(tb_${name} PUBLIC ${ARG_PUBLIC_LIBS} Threads::Threads PRIVATE ${ARG_PRIVATE_LIBS})
  target_compile_definitions(tb_${name} PUBLIC TB_VERSION="${PROJECT_VERSION}"
                             TB_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  tb_warnings(tb_${name})
endfunction()
