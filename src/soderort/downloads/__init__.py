"""The files a reader downloads (`download_files`) and the route serving them (`download_route`)."""
