# handcheck_embed_asset(<sources-var> <file> <symbol>): compiles <file> (relative to the source
# directory) into the program as `const std::string_view handcheck::assets::<symbol>`, declared
# in src/render/assets/embedded.hpp, and appends the generated source to <sources-var>. The
# source is generated again whenever the file changes.
function(handcheck_embed_asset sources_var file symbol)
  set(input ${PROJECT_SOURCE_DIR}/${file})
  set(output ${PROJECT_BINARY_DIR}/assets/${symbol}.cpp)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DOUTPUT=${output} -DSYMBOL=${symbol}
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_asset.cmake
    DEPENDS ${input} ${PROJECT_SOURCE_DIR}/cmake/embed_asset.cmake
    COMMENT "Embedding ${file}"
    VERBATIM)
  set_source_files_properties(${output} PROPERTIES
    GENERATED TRUE INCLUDE_DIRECTORIES ${PROJECT_SOURCE_DIR}/src/render/assets)
  set(${sources_var} ${${sources_var}} ${output} PARENT_SCOPE)
endfunction()
