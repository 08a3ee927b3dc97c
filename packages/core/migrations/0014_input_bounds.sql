-- Why a file failed, as a code the portal can name in the reader's language (the message stays beside it,
-- in English, with the details: which part of a workbook, which limit).
alter table catalog_files add column error_code text;
