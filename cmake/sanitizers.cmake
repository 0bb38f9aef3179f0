# TB_SANITIZE=ON (the debug preset) builds everything with AddressSanitizer and UBSan.
option(TB_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(TB_SANITIZE)
  # vptr is off: SOCI is built without the type information UBSan's vptr check needs.
  add_compile_options(-fsanitize=address,undefined -fno-sanitize=vptr -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
