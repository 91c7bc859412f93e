import { Button, Stack, Text, Title } from '@mantine/core';
import { plural } from '../format/plural';
import { FilteredResults } from '../ui/FilteredResults';
import { Page } from '../ui/Page';
import { Pager } from '../ui/Pager';
import { QueryState } from '../ui/QueryState';
import { CatalogueFilters } from './CatalogueFilters';
import { useCertificationSearch } from './queries';
import { ResultList } from './ResultList';
import { SearchForm } from './SearchForm';
import { activeFilters, hasFilters, searchQuery, useCatalogueFilters } from './searchParams';

const PAGE_SIZE = 20;

/** `/catalogue`: the public search of CQP and CQPI, open to everyone. */
export function CataloguePage() {
  const { filters, update, setPage, clear } = useCatalogueFilters();
  const search = useCertificationSearch(searchQuery(filters, PAGE_SIZE));
  const total = search.data?.total;

  return (
    <Page title="Catalogue des certifications">
      <Text>
        Les certificats de qualification professionnelle (CQP) et interbranches (CQPI), leur reconnaissance et
        leurs référentiels.
      </Text>
      <SearchForm value={filters.q} onSearch={(q) => update({ q })} />
      <FilteredResults
        active={activeFilters(filters)}
        filters={<CatalogueFilters filters={filters} facets={search.data?.facets} onChange={update} />}
      >
        <section aria-labelledby="resultats">
          <Title order={2} size="h3" id="resultats" mb="sm">
            Résultats
          </Title>
          <Text role="status" mb="sm">
            {total === undefined ? '' : plural(total, 'certification trouvée', 'certifications trouvées')}
          </Text>
          <QueryState query={search} loadingLabel="Recherche en cours…">
            {(data) =>
              data.items.length === 0 ? (
                <Stack align="flex-start">
                  <Text>Aucune certification ne correspond à votre recherche.</Text>
                  {hasFilters(filters) && (
                    <Button variant="default" onClick={clear}>
                      Effacer la recherche et les filtres
                    </Button>
                  )}
                </Stack>
              ) : (
                <Stack aria-busy={search.isPlaceholderData}>
                  <ResultList items={data.items} />
                  <Pager
                    page={data.page}
                    pageSize={data.pageSize}
                    total={data.total}
                    summary={plural(data.total, 'certification', 'certifications')}
                    onChange={setPage}
                  />
                </Stack>
              )
            }
          </QueryState>
        </section>
      </FilteredResults>
    </Page>
  );
}
