"""The index: the folder on disk (:mod:`.store`), vectors in Chroma (:mod:`.vectors`), the
embedders (:mod:`.embedding`), building it from the corpus (:mod:`.build`) and reading the
live generation (:mod:`.reader`)."""
