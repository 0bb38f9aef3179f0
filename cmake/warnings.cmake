# Warnings for the project's own targets (never for third-party headers, which come in as SYSTEM).
function(tb_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wold-style-cast -Wcast-align -Wnull-dereference
                                           -Wno-missing-field-initializers)
endfunction()
